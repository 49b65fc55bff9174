/** The same link targets (URLs, reference links) on both sides, in any order. */
import { inlineFacts, missingFrom } from './inline.ts'
import type { Finding, QaPair } from './types.ts'

export function checkLinks(pair: QaPair): Finding[] {
  const source = inlineFacts(pair.source).links.map(normalizeUrl)
  const target = inlineFacts(pair.target).links.map(normalizeUrl)
  const findings: Finding[] = []
  const missing = [...new Set(missingFrom(source, target))]
  const extra = [...new Set(missingFrom(target, source))]
  for (const url of missing) {
    findings.push({ level: 'error', rule: 'links', message: `Link ${url} is missing from the translation (or its URL was changed).` })
  }
  for (const url of extra) {
    findings.push({ level: 'error', rule: 'links', message: `Link ${url} is in the translation but not in the source.` })
  }
  return findings
}

/** Trailing slash and case of the scheme and host do not make a different link. */
function normalizeUrl(url: string): string {
  const match = /^([a-z][a-z0-9+.-]*:\/\/)([^/?#]*)(.*)$/i.exec(url.trim())
  if (!match) return url.trim()
  return `${match[1]!.toLowerCase()}${match[2]!.toLowerCase()}${match[3]!.replace(/\/$/, '')}`
}
