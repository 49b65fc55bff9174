/**
 * Stray bidi controls and zero-width characters: invisible, they reorder or
 * split text unpredictably. Marks (LRM, RLM, ALM) are tolerated as warnings,
 * and joiners (ZWJ, ZWNJ) where the script uses them (Arabic, Persian, Indic).
 */
import type { Finding, QaPair } from './types.ts'

const names: Record<number, string> = {
  0x200b: 'ZERO WIDTH SPACE',
  0x200c: 'ZERO WIDTH NON-JOINER',
  0x200d: 'ZERO WIDTH JOINER',
  0x200e: 'LEFT-TO-RIGHT MARK',
  0x200f: 'RIGHT-TO-LEFT MARK',
  0x061c: 'ARABIC LETTER MARK',
  0x202a: 'LEFT-TO-RIGHT EMBEDDING',
  0x202b: 'RIGHT-TO-LEFT EMBEDDING',
  0x202c: 'POP DIRECTIONAL FORMATTING',
  0x202d: 'LEFT-TO-RIGHT OVERRIDE',
  0x202e: 'RIGHT-TO-LEFT OVERRIDE',
  0x2060: 'WORD JOINER',
  0x2066: 'LEFT-TO-RIGHT ISOLATE',
  0x2067: 'RIGHT-TO-LEFT ISOLATE',
  0x2068: 'FIRST STRONG ISOLATE',
  0x2069: 'POP DIRECTIONAL ISOLATE',
  0xfeff: 'ZERO WIDTH NO-BREAK SPACE (BOM)',
}
const marks = new Set([0x200e, 0x200f, 0x061c])
const joiners = new Set([0x200c, 0x200d])
const joiningLanguages = new Set([
  'ar',
  'fa',
  'ur',
  'ps',
  'sd',
  'ug',
  'hi',
  'mr',
  'ne',
  'bn',
  'ta',
  'te',
  'kn',
  'ml',
  'si',
  'gu',
  'pa',
  'or',
])

export function checkInvisible(pair: QaPair): Finding[] {
  const counts = new Map<number, number>()
  for (const char of pair.target) {
    const code = char.codePointAt(0)!
    if (names[code]) counts.set(code, (counts.get(code) ?? 0) + 1)
  }
  const findings: Finding[] = []
  const base = pair.targetLanguage.split('-')[0]!
  for (const [code, count] of counts) {
    if (joiners.has(code) && joiningLanguages.has(base)) continue
    const soft = marks.has(code) || joiners.has(code)
    const name = `U+${code.toString(16).toUpperCase().padStart(4, '0')} ${names[code]}`
    findings.push({
      level: soft ? 'warning' : 'error',
      rule: 'invisible-characters',
      message:
        `The translation contains ${count === 1 ? 'an invisible' : `${count} invisible`} ${name}${count === 1 ? '' : ' characters'}: ` +
        `remove ${count === 1 ? 'it' : 'them'} unless deliberate.`,
    })
  }
  return findings
}
