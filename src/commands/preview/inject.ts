/**
 * A page of dist/ as the preview server serves it: its Content-Security-Policy
 * widened by exactly one nonce (for the injected client script and its style
 * sheet) and `connect-src 'self'` (server-sent events and the review API), and
 * the client script added before `</body>`. Nothing else of the page changes;
 * no 'unsafe-inline' is ever added.
 */
import { randomBytes } from 'node:crypto'

export interface ClientData {
  token: string
  reviewer: string
  /** This page's path on the server, e.g. /wuzhen-outlook-2019/fr/index.html. */
  page: string
  /** For a review page: the publication and the language whose translation file its controls write. */
  review?: { publication: string; language: string }
}

const attribute = (value: string): string =>
  value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

export function newNonce(): string {
  return randomBytes(18).toString('base64')
}

/** The policy with the nonce allowed for scripts and styles and the server allowed for connections. */
export function widenPolicy(policy: string, nonce: string): string {
  const directives = policy
    .split(';')
    .map((d) => d.trim())
    .filter(Boolean)
    .map((d) => d.split(/\s+/))
  const add = (name: string, value: string): void => {
    const directive = directives.find(([n]) => n === name)
    if (!directive) directives.push([name, value])
    else directive.splice(1, directive.length, ...directive.slice(1).filter((v) => v !== "'none'"), value)
  }
  add('script-src', `'nonce-${nonce}'`)
  add('style-src', `'nonce-${nonce}'`)
  add('connect-src', "'self'")
  return directives.map((d) => d.join(' ')).join('; ')
}

const CSP_META = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/i

/** The page with the client injected, and the policy the server also sends as a header. */
export function injectClient(html: string, scripts: { client: string; style: string }, data: ClientData): { html: string; policy: string } {
  const nonce = newNonce()
  const found = CSP_META.exec(html)
  const policy = widenPolicy(found ? decodeAttribute(found[1]!) : "default-src 'self'", nonce)
  const meta = `<meta http-equiv="Content-Security-Policy" content="${attribute(policy)}">`
  let out = found ? html.replace(CSP_META, () => meta) : html.replace(/<head>/i, () => `<head>${meta}`)
  const dataAttributes = [
    ['token', data.token],
    ['reviewer', data.reviewer],
    ['page', data.page],
    ...(data.review
      ? [
          ['publication', data.review.publication],
          ['language', data.review.language],
        ]
      : []),
  ]
    .map(([name, value]) => ` data-${name}="${attribute(value!)}"`)
    .join('')
  const tags =
    `<style nonce="${nonce}">${scripts.style}</style>` +
    `<script nonce="${nonce}" id="pp-preview-client"${dataAttributes}>${scripts.client}</script>`
  out = /<\/body>/i.test(out) ? out.replace(/<\/body>/i, () => `${tags}</body>`) : out + tags
  return { html: out, policy }
}

function decodeAttribute(value: string): string {
  return value
    .replace(/&#x27;|&#39;|&apos;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
}
