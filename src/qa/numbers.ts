/**
 * Numbers and years present on both sides. A number of the source missing
 * from the translation is an error; a small number (≤ 12, often written in
 * words: "6th" = "sexta" = "第六"), a number whose scale word could not be
 * confirmed, or a number only in the translation is a warning.
 */
import { inlineFacts } from './inline.ts'
import { normalizeDigits, numberTokens, optionalNumbers, type NumberToken } from './number-parse.ts'
import type { Finding, QaPair } from './types.ts'

const same = (a: number, b: number): boolean => Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b), 1)
const SMALL = 12

export function checkNumbers(pair: QaPair): Finding[] {
  const source = side(inlineFacts(pair.source).text, pair.sourceLanguage)
  const target = side(inlineFacts(pair.target).text, pair.targetLanguage)
  if (source.tokens.length === 0 && target.tokens.length === 0) return []
  // Month names and Chinese numerals matter only against the other side's digits (and are slow to look for).
  const targetValues = source.tokens.length > 0 ? [...target.tokens.map((t) => t.value), ...target.optional()] : []
  const sourceValues = target.tokens.length > 0 ? [...source.tokens.map((t) => t.value), ...source.optional()] : []
  const findings: Finding[] = []
  const reported = new Set<number>()
  for (const token of source.tokens) {
    if (reported.has(token.value) || targetValues.some((v) => same(v, token.value))) continue
    reported.add(token.value)
    const shown = describe(token)
    if (
      token.unscaled !== undefined &&
      target.tokens.some((t) => same(t.value, token.unscaled!) || same(t.unscaled ?? NaN, token.unscaled!))
    ) {
      findings.push({
        level: 'warning',
        rule: 'numbers',
        message: `Could not confirm that ${shown} has the same magnitude in the translation (scale word not recognised).`,
      })
    } else if (Number.isInteger(token.value) && token.value <= SMALL) {
      findings.push({
        level: 'warning',
        rule: 'numbers',
        message: `The number ${shown} is not in the translation in digits (fine if it is written in words).`,
      })
    } else {
      findings.push({
        level: 'error',
        rule: 'numbers',
        message: `The number ${shown} of the source is missing from the translation (or differs).`,
      })
    }
  }
  for (const token of target.tokens) {
    if (reported.has(-token.value - 1) || sourceValues.some((v) => same(v, token.value))) continue
    if (
      token.unscaled !== undefined &&
      source.tokens.some((s) => same(s.value, token.unscaled!) || same(s.unscaled ?? NaN, token.unscaled!))
    )
      continue
    reported.add(-token.value - 1)
    if (Number.isInteger(token.value) && token.value <= SMALL) continue
    findings.push({
      level: 'warning',
      rule: 'numbers',
      message: `The number ${describe(token)} is in the translation but not in the source.`,
    })
  }
  return findings
}

function side(prose: string, language: string): { tokens: NumberToken[]; optional: () => number[] } {
  const text = normalizeDigits(prose)
  return { tokens: numberTokens(text, language), optional: () => optionalNumbers(text, language) }
}

function describe(token: NumberToken): string {
  return token.unscaled !== undefined ? `${token.raw} (= ${token.value.toLocaleString('en')})` : token.raw
}
