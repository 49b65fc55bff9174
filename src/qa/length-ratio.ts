/**
 * Length-ratio outliers: a translation much shorter than its language pair
 * makes likely has an omission; much longer, an addition. Lengths are counted
 * in characters of prose (no URLs, no markup) and compared with the typical
 * ratio of the pair, derived from each language's density relative to English.
 *
 * Densities were measured on the bundled Wuzhen Outlook translations (median
 * of 25 blocks each: zh 0.235, ar 0.86, ru 1.09, es 1.12, fr 1.2), and agree
 * with published expansion factors for these languages; languages not listed
 * are assumed to be as dense as English.
 */
import { inlineFacts } from './inline.ts'
import type { Finding, QaPair } from './types.ts'

export const density: Record<string, number> = {
  en: 1,
  zh: 0.235,
  ja: 0.35,
  ko: 0.45,
  fr: 1.2,
  es: 1.12,
  pt: 1.1,
  it: 1.12,
  de: 1.15,
  ru: 1.09,
  ar: 0.86,
  fa: 0.9,
  he: 0.8,
}

/** The expected target/source length ratio for a language pair. */
export function expectedRatio(sourceLanguage: string, targetLanguage: string): number {
  const of = (code: string): number => density[code.split('-')[0]!] ?? 1
  return of(targetLanguage) / of(sourceLanguage)
}

/** Below this many source characters a ratio says little (headings, table cells). */
const MIN_LENGTH = 30
const SHORT = 100
const LONG = 200

export function checkLengthRatio(pair: QaPair): Finding[] {
  const source = [...inlineFacts(pair.source).text].length
  const target = [...inlineFacts(pair.target).text].length
  if (source < MIN_LENGTH || target === 0) return []
  const expected = expectedRatio(pair.sourceLanguage, pair.targetLanguage)
  const relative = target / source / expected
  // Long blocks average out sentence-level variation; short ones get more room.
  const [errorBelow, warnBelow, warnAbove] = source >= LONG ? [0.5, 0.7, 1.6] : source >= SHORT ? [0.3, 0.5, 2.5] : [0.25, 0.4, 4]
  const describe =
    `${target} characters for ${source} in the source, ` +
    `${Math.round(relative * 100)}% of the usual ${pair.sourceLanguage}→${pair.targetLanguage} length`
  if (relative < errorBelow)
    return [
      {
        level: 'error',
        rule: 'length-ratio',
        message: `The translation is much shorter than expected (${describe}): part of it may be missing.`,
      },
    ]
  if (relative < warnBelow)
    return [
      { level: 'warning', rule: 'length-ratio', message: `The translation is shorter than expected (${describe}): check for omissions.` },
    ]
  if (relative > warnAbove)
    return [
      { level: 'warning', rule: 'length-ratio', message: `The translation is longer than expected (${describe}): check for additions.` },
    ]
  return []
}
