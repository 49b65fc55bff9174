/** A translation identical to its source is usually a block left untranslated. */
import { inlineFacts } from './inline.ts'
import type { Finding, QaPair } from './types.ts'

export function checkUntranslated(pair: QaPair): Finding[] {
  if (pair.sourceLanguage === pair.targetLanguage) return []
  const normalize = (s: string): string => s.replace(/\s+/g, ' ').trim()
  if (normalize(pair.source) !== normalize(pair.target)) return []
  // Prose letters only: a note that is just a URL or a number may rightly be the same.
  const letters = inlineFacts(pair.source).text.replace(/[^\p{L}]/gu, '')
  if (letters.length === 0) return []
  const long = letters.length >= 20
  return [
    {
      level: long ? 'error' : 'warning',
      rule: 'untranslated',
      message: long
        ? 'The translation is identical to the source: it looks untranslated.'
        : 'The translation is identical to the source (fine for a name or a code; otherwise translate it).',
    },
  ]
}
