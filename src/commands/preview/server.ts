/**
 * The preview server (node:http): dist/ as built, each HTML page with the
 * client injected; the index; the PDF view; server-sent events; the review API.
 * Every request passes the guard (security.ts); only GET and HEAD read, only
 * POST of a bounded JSON body writes.
 */
import { createReadStream } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { decide, entriesOf, render, type ApiAnswer, type ApiContext } from './api.ts'
import type { EventHub } from './events.ts'
import type { Activity } from './activity.ts'
import { injectClient } from './inject.ts'
import { indexPage, pdfViewPage, reviewTarget, type SiteFacts } from './pages.ts'
import { checkRead, checkWrite, TOKEN_COOKIE, type Guard } from './security.ts'
import { contentType, resolveDistFile } from './static-files.ts'

export const MAX_BODY = 256 * 1024

export interface ServerOptions extends ApiContext {
  distDir: string
  guard: Guard
  hub: EventHub
  /** Told of every request but the event streams. */
  activity?: Activity
  site(): Promise<SiteFacts>
  client: { client: string; style: string }
}

const baseHeaders = {
  'x-content-type-options': 'nosniff',
  'cache-control': 'no-store',
  'referrer-policy': 'no-referrer',
  'cross-origin-resource-policy': 'same-origin',
}

export function previewServer(options: ServerOptions): Server {
  return createServer((request, response) => {
    handle(request, response, options).catch((error: unknown) => {
      if (!response.headersSent)
        plain(response, 500, `The preview server failed: ${error instanceof Error ? error.message : String(error)}`)
      else response.end()
    })
  })
}

async function handle(request: IncomingMessage, response: ServerResponse, options: ServerOptions): Promise<void> {
  const raw = request.url ?? '/'
  const query = raw.includes('?') ? new URLSearchParams(raw.slice(raw.indexOf('?') + 1)) : new URLSearchParams()
  const pathname = raw.split('?')[0]!.split('#')[0]!
  if (request.method === 'POST') return write(request, response, pathname, options)
  if (request.method !== 'GET' && request.method !== 'HEAD') return plain(response, 405, 'Only GET, HEAD and POST.')
  const verdict = checkRead(request, options.guard, query.get('token'))
  if (!verdict.ok) return plain(response, verdict.status, verdict.reason)
  if (query.get('token') !== null) {
    // Off loopback the token arrives once in the address; a cookie (this origin only) carries it from then on.
    response.setHeader('set-cookie', `${TOKEN_COOKIE}=${options.guard.token}; Path=/; HttpOnly; SameSite=Strict`)
  }
  if (pathname === '/__press/events') return options.hub.connect(response)
  options.activity?.track(response)
  if (pathname === '/__press/entries') {
    return json(response, await entriesOf(options, query.get('publication') ?? '', query.get('language') ?? ''))
  }
  if (pathname === '/' || pathname === '/index.html' || pathname === '/__press/pdf') {
    const site = await options.site()
    const page = pathname === '/__press/pdf' ? pdfViewPage(site, query.get('file') ?? '') : indexPage(site)
    if (!page) return plain(response, 404, 'Not found.')
    return html(response, page, pathname === '/__press/pdf' ? `/__press/pdf?file=${query.get('file')}` : '/', options)
  }
  if (pathname.startsWith('/__press/')) return plain(response, 404, 'Not found.')
  const file = await resolveDistFile(options.distDir, pathname)
  if (!file) return plain(response, 404, 'Not found.')
  const type = contentType(file)
  if (type.startsWith('text/html')) {
    const site = await options.site()
    return html(response, await readFile(file, 'utf8'), pathname, options, reviewTarget(site, pathname))
  }
  response.writeHead(200, { ...baseHeaders, 'content-type': type })
  if (request.method === 'HEAD') return void response.end()
  createReadStream(file).pipe(response)
}

function html(
  response: ServerResponse,
  page: string,
  path: string,
  options: ServerOptions,
  review?: { publication: string; language: string },
): void {
  const data = { token: options.guard.token, reviewer: options.reviewer, page: path, ...(review ? { review } : {}) }
  const injected = injectClient(page, options.client, data)
  response.writeHead(200, {
    ...baseHeaders,
    'content-type': 'text/html; charset=utf-8',
    'content-security-policy': `${injected.policy}; frame-ancestors 'self'`,
  })
  response.end(injected.html)
}

async function write(request: IncomingMessage, response: ServerResponse, pathname: string, options: ServerOptions): Promise<void> {
  const verdict = checkWrite(request, options.guard)
  if (!verdict.ok) return plain(response, verdict.status, verdict.reason)
  const action = pathname === '/__press/decision' ? decide : pathname === '/__press/render' ? render : undefined
  if (!action) return plain(response, 404, 'Not found.')
  if (!/^application\/json(;|$)/i.test(request.headers['content-type'] ?? '')) return plain(response, 415, 'Send JSON.')
  const declared = Number(request.headers['content-length'] ?? 0)
  if (declared > MAX_BODY) return plain(response, 413, `Bodies are limited to ${MAX_BODY} bytes.`)
  const body = await readBody(request)
  if (body === undefined) return plain(response, 413, `Bodies are limited to ${MAX_BODY} bytes.`)
  let parsed: unknown
  try {
    parsed = JSON.parse(body)
  } catch {
    return json(response, { status: 400, body: { error: 'The body is not JSON.' } })
  }
  json(response, await action(options, parsed))
}

function readBody(request: IncomingMessage): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    request.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > MAX_BODY) {
        request.removeAllListeners('data')
        request.resume() // read the rest and drop it, so that the answer can still be sent
        resolve(undefined)
      } else chunks.push(chunk)
    })
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    request.on('error', reject)
  })
}

function json(response: ServerResponse, answer: ApiAnswer): void {
  response.writeHead(answer.status, { ...baseHeaders, 'content-type': 'application/json; charset=utf-8' })
  response.end(JSON.stringify(answer.body))
}

function plain(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, { ...baseHeaders, 'content-type': 'text/plain; charset=utf-8' })
  response.end(text + '\n')
}
