/** Every image of a translation says what it shows: an empty alt text is a warning. */
import { inlineFacts } from './inline.ts'
import type { Finding, QaPair } from './types.ts'

export function checkAltText(pair: QaPair): Finding[] {
  const empty = inlineFacts(pair.target).alts.filter((alt) => alt.trim() === '').length
  if (empty === 0) return []
  return [
    {
      level: 'warning',
      rule: 'alt-text',
      message:
        `${empty === 1 ? 'An image has' : `${empty} images have`} no alt text in the translation: ` +
        'write what the image shows between the brackets of ![…](…), for readers who cannot see it.',
    },
  ]
}
