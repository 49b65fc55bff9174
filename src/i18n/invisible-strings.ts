/**
 * Invisible bidi and zero-width characters in translatable strings outside the
 * entries: a translation file's `publication` fields and ui.json strings.
 * Errors at the string's place, like the invisible-characters finding of entries.
 */
import type { VFileMessage } from 'vfile-message'
import { firstInvisibleError, invisibleHint } from '../util/invisible-characters.ts'
import { problem, type Place } from '../util/problems.ts'

export interface NamedString {
  /** JSON path of the string, e.g. ['publication', 'title']. */
  path: (string | number)[]
  value: string
}

/** One error per string that holds an invisible character which is an error in `language`. */
export function invisibleInStrings(
  strings: NamedString[],
  language: string,
  file: string,
  placeOf: (path: (string | number)[]) => Place | undefined,
): VFileMessage[] {
  return strings.flatMap(({ path, value }) => {
    const found = firstInvisibleError(value, language)
    if (!found) return []
    return [
      problem(`The string ${path.join('.')} contains an invisible ${found.name}.`, {
        file,
        place: placeOf(path),
        hint: invisibleHint,
        ruleId: 'invisible-characters',
      }),
    ]
  })
}

/** The translatable strings of a translation file's `publication` object. */
export function publicationStrings(publication: Record<string, string | string[] | undefined>): NamedString[] {
  return Object.entries(publication).flatMap(([key, value]): NamedString[] => {
    if (typeof value === 'string') return [{ path: ['publication', key], value }]
    return (value ?? []).map((item, i) => ({ path: ['publication', key, i], value: item }))
  })
}
