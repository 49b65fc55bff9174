/**
 * Balanced inline markup. After parsing, a delimiter left as literal text
 * (`**bold`, a lone backtick) means the translation's markup does not close;
 * raw HTML off the allowlist (src/source/inline-html.ts) is shown as text in
 * the editions, and allowlisted tags should be the same as the source's; and a different number of
 * emphasis, code spans or links than the source is worth a look.
 */
import { readHtml } from '../source/inline-html.ts'
import { inlineFacts } from './inline.ts'
import type { Finding, QaPair } from './types.ts'

const delimiters: { name: string; pattern: RegExp }[] = [
  { name: '*', pattern: /\*+/g },
  { name: '`', pattern: /`+/g },
  { name: '~~', pattern: /~~+/g },
  { name: '_', pattern: /(?<![\p{L}\p{N}])_+|_+(?![\p{L}\p{N}])/gu },
  { name: '[ ]', pattern: /[[\]]/g },
]

const kinds: Record<string, string> = {
  emphasis: 'emphasis',
  strong: 'strong emphasis',
  delete: 'strikethrough',
  inlineCode: 'code span',
  link: 'link',
}

export function checkMarkup(pair: QaPair): Finding[] {
  const source = inlineFacts(pair.source)
  const target = inlineFacts(pair.target)
  const findings: Finding[] = []
  const raw = target.html.filter((value) => !readHtml(value))
  if (raw.length > 0) {
    findings.push({
      level: 'error',
      rule: 'markup',
      message: `The translation contains raw HTML (${raw
        .slice(0, 3)
        .map((t) => (t.length > 40 ? `${t.slice(0, 40)}…` : t))
        .join(' ')}); it is shown as text, never as markup. Use Markdown instead.`,
    })
  }
  for (const { name, pattern } of delimiters) {
    const count = (texts: string[]): number => texts.reduce((n, t) => n + (t.match(pattern)?.length ?? 0), 0)
    const extra = count(target.textNodes) - count(source.textNodes)
    if (extra > 0) {
      findings.push({
        level: name === '[ ]' ? 'warning' : 'error',
        rule: 'markup',
        message:
          `Unbalanced inline markup: ${extra} stray "${name}" left as text in the translation ` +
          '(an emphasis, code span or link that does not close).',
      })
    }
  }
  for (const [kind, label] of Object.entries(kinds)) {
    const a = source.markup[kind] ?? 0
    const b = target.markup[kind] ?? 0
    if (a !== b)
      findings.push({
        level: 'warning',
        rule: 'markup',
        message: `The source has ${a} ${label}${a === 1 ? '' : 's'}, the translation ${b}.`,
      })
  }
  const a = htmlTags(source.html)
  const b = htmlTags(target.html)
  for (const tag of new Set([...a.keys(), ...b.keys()])) {
    if ((a.get(tag) ?? 0) !== (b.get(tag) ?? 0))
      findings.push({
        level: 'warning',
        rule: 'markup',
        message: `The source has ${a.get(tag) ?? 0} <${tag}>, the translation ${b.get(tag) ?? 0}.`,
      })
  }
  return findings
}

/** Allowlisted tags by count (a pair counts once, at its opening tag; comments do not count). */
function htmlTags(values: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>()
  for (const value of values) {
    const token = readHtml(value)
    if (token?.kind === 'open' || token?.kind === 'void') counts.set(token.tag, (counts.get(token.tag) ?? 0) + 1)
  }
  return counts
}
