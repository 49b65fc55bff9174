/**
 * Who may talk to the preview server. Every request must name this server in
 * its Host header (a DNS-rebinding page names its own host); a write must also
 * come from one of its pages (Origin = this server) and carry the token made at
 * start; bound to another interface than loopback, every request needs the token.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto'
import type { IncomingMessage } from 'node:http'

export const TOKEN_HEADER = 'x-press-token'
export const TOKEN_COOKIE = 'press-token'

/** A fresh token for each start of the server: 32 random bytes, never written to disk. */
export function makeToken(): string {
  return randomBytes(32).toString('base64url')
}

export function isLoopback(host: string): boolean {
  return host === '127.0.0.1' || host === '::1' || host === 'localhost' || /^127\.\d+\.\d+\.\d+$/.test(host)
}

export interface Guard {
  token: string
  port: number
  /** The interface the server listens on. */
  host: string
}

export type Verdict = { ok: true } | { ok: false; status: 403 | 421; reason: string }

/** The host names this server answers to on loopback. */
function allowedHosts({ host, port }: Guard): Set<string> {
  const names = isLoopback(host) ? ['127.0.0.1', 'localhost', '[::1]'] : [host.includes(':') ? `[${host}]` : host]
  return new Set(names.map((name) => `${name}:${port}`))
}

/** A read (GET): the Host must be ours; off loopback, the token too (query, header or cookie). */
export function checkRead(request: IncomingMessage, guard: Guard, queryToken: string | null): Verdict {
  if (isLoopback(guard.host)) {
    if (!allowedHosts(guard).has(request.headers.host ?? ''))
      return { ok: false, status: 421, reason: 'This server does not answer to that host name.' }
    return { ok: true }
  }
  return hasToken(request, guard, queryToken)
    ? { ok: true }
    : { ok: false, status: 403, reason: 'Open the address with the token printed in the terminal.' }
}

/** A write (POST): a read's checks, plus the same origin and the token in its header. */
export function checkWrite(request: IncomingMessage, guard: Guard): Verdict {
  const host = request.headers.host ?? ''
  if (isLoopback(guard.host) && !allowedHosts(guard).has(host)) return { ok: false, status: 421, reason: 'Wrong host.' }
  const origin = request.headers.origin
  if (origin !== `http://${host}`) return { ok: false, status: 403, reason: 'Writes are accepted only from the pages of this server.' }
  const header = request.headers[TOKEN_HEADER]
  if (typeof header !== 'string' || !same(header, guard.token)) return { ok: false, status: 403, reason: 'Missing or wrong token.' }
  return { ok: true }
}

function hasToken(request: IncomingMessage, guard: Guard, queryToken: string | null): boolean {
  const header = request.headers[TOKEN_HEADER]
  if (typeof header === 'string' && same(header, guard.token)) return true
  if (queryToken !== null && same(queryToken, guard.token)) return true
  const cookie = (request.headers.cookie ?? '')
    .split(';')
    .map((part) => part.trim().split('='))
    .find(([name]) => name === TOKEN_COOKIE)?.[1]
  return cookie !== undefined && same(cookie, guard.token)
}

function same(a: string, b: string): boolean {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}
