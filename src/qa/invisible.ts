/**
 * Stray bidi controls and zero-width characters: invisible, they reorder or
 * split text unpredictably. Marks (LRM, RLM, ALM) are tolerated as warnings,
 * and joiners (ZWJ, ZWNJ) where the script uses them (Arabic, Persian, Indic).
 */
import type { Finding, QaPair } from './types.ts'
import { invisibleJoiners, invisibleMarks, invisibleNames, joiningLanguages } from '../util/invisible-characters.ts'

const names = invisibleNames
const marks = invisibleMarks
const joiners = invisibleJoiners

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
