/** The same footnote references on both sides; order may differ (languages reorder clauses). */
import { inlineFacts, missingFrom } from './inline.ts'
import type { Finding, QaPair } from './types.ts'

export function checkFootnotes(pair: QaPair): Finding[] {
  const source = inlineFacts(pair.source).footnotes
  const target = inlineFacts(pair.target).footnotes
  const findings: Finding[] = []
  const list = (labels: string[]): string => [...new Set(labels)].map((l) => `[^${l}]`).join(', ')
  const missing = missingFrom(source, target)
  const extra = missingFrom(target, source)
  if (missing.length > 0)
    findings.push({ level: 'error', rule: 'footnotes', message: `Footnote reference ${list(missing)} is missing from the translation.` })
  if (extra.length > 0)
    findings.push({
      level: 'error',
      rule: 'footnotes',
      message: `Footnote reference ${list(extra)} is in the translation but not in the source.`,
    })
  return findings
}
