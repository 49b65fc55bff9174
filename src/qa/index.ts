/** Translation QA: every check over one pair of texts. Pure functions, no disk. */
import { checkAltText } from './alt-text.ts'
import { checkFootnotes } from './footnotes.ts'
import { checkInvisible } from './invisible.ts'
import { checkLengthRatio } from './length-ratio.ts'
import { checkLinks } from './links.ts'
import { checkMarkup } from './markup.ts'
import { checkNumbers } from './numbers.ts'
import type { Check, Finding, QaPair } from './types.ts'
import { checkUntranslated } from './untranslated.ts'

export const checks: Record<string, Check> = {
  footnotes: checkFootnotes,
  links: checkLinks,
  numbers: checkNumbers,
  markup: checkMarkup,
  'length-ratio': checkLengthRatio,
  untranslated: checkUntranslated,
  'invisible-characters': checkInvisible,
  'alt-text': checkAltText,
}

/** All findings for a pair, errors first. An empty target is not checked (it is missing, not wrong). */
export function checkPair(pair: QaPair): Finding[] {
  if (pair.target.trim() === '' || pair.source.trim() === '') return []
  const findings = Object.values(checks).flatMap((check) => check(pair))
  return [...findings.filter((f) => f.level === 'error'), ...findings.filter((f) => f.level === 'warning')]
}

export type { Finding, FindingLevel, QaPair } from './types.ts'
