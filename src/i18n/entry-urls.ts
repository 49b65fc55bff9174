/**
 * The URL policy over a translation file: each entry's Markdown is parsed on
 * its own, and a refused link or image is an error at its own line and column
 * in the translation file (mapped through the JSON string's escapes). The
 * Markdown parser is loaded only when a text is not in the memo.
 */
import type { VFileMessage } from 'vfile-message'
import { mayHoldUrl, urlProblem, urlViolations, type UrlViolation } from '../source/urls.ts'
import { placeAt, type Place } from '../util/problems.ts'
import type { LoadedTranslation } from './translation-file.ts'

/** The violations found in each entry text, kept by a long-lived process between loads (a text is parsed once). */
export type ViolationMemo = Map<string, readonly UrlViolation[]>

export async function entryUrlProblems(loaded: LoadedTranslation, memo?: ViolationMemo): Promise<VFileMessage[]> {
  const { data, path, positions, raw } = loaded
  const messages: VFileMessage[] = []
  const texts = Object.values(data.entries).map((entry) => entry.text)
  const parse = texts.some((text) => text.trim() !== '' && mayHoldUrl(text) && !memo?.has(text))
    ? (await import('../source/parse.ts')).parseBlockMarkdown
    : undefined
  for (const [id, entry] of Object.entries(data.entries)) {
    if (entry.text.trim() === '' || !mayHoldUrl(entry.text)) continue
    let violations = memo?.get(entry.text)
    if (!violations) {
      violations = urlViolations(parse!(entry.text), entry.text.length)
      memo?.set(entry.text, violations)
    }
    if (violations.length === 0) continue
    const start = positions.placeOf(['entries', id, 'text'])
    for (const violation of violations) {
      const place = start ? placeInString(raw, start, violation.offset) : positions.keyPlaceOf(['entries', id])
      messages.push(urlProblem(violation, path, place))
    }
  }
  return messages
}

/** The place in `raw` of the `offset`-th code unit of the JSON string literal that starts (at its quote) at `start`. */
export function placeInString(raw: string, start: Place, offset: number): Place {
  let at = offsetOf(raw, start)
  if (raw[at] !== '"') return start
  at++
  for (let decoded = 0; decoded < offset && at < raw.length; decoded++) {
    if (raw[at] === '\\') at += raw[at + 1] === 'u' ? 6 : 2
    else at++
  }
  return placeAt(raw, at)
}

function offsetOf(text: string, place: Place): number {
  let offset = 0
  for (let line = 1; line < place.line; line++) {
    const next = text.indexOf('\n', offset)
    if (next < 0) return text.length
    offset = next + 1
  }
  return offset + place.column - 1
}
