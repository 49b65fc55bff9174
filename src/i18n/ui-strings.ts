/**
 * Interface strings: `translations/<lang>/ui.json`, the i18next `ui` namespace.
 * { "meta": {...}, "strings": { key: string } }, plural keys with CLDR
 * suffixes (`pages_one`, `pages_few`, … Arabic has six).
 */
import { readFile } from 'node:fs/promises'
import { decodeText } from '../util/read-text.ts'
import * as z from 'zod'
import { parseJsonFile } from '../util/json.ts'
import { problem, PressError } from '../util/problems.ts'
import { reviewStatuses } from './translation-file.ts'
import { invisibleInStrings } from './invisible-strings.ts'

const uiSchema = z
  .object({
    meta: z
      .object({
        language: z.string(),
        producedBy: z.string(),
        review: z.enum(reviewStatuses),
        date: z.string(),
        untranslated: z
          .array(z.string())
          .optional()
          .describe(
            'Keys of `strings` still in the source language (written by `press add-language`); remove a key once it is translated.',
          ),
      })
      .strict(),
    strings: z.record(z.string(), z.string()),
  })
  .strict()

export type UiFile = z.infer<typeof uiSchema>

export interface UntranslatedUi {
  /** Path of ui.json, relative to the root. */
  path: string
  keys: { key: string; line?: number | undefined; column?: number | undefined }[]
}

/** The first keys of a long list, then how many more. */
export function listKeys(keys: readonly string[], shown = 6): string {
  return keys.length <= shown ? keys.join(', ') : `${keys.slice(0, shown).join(', ')} and ${keys.length - shown} more`
}

/** The interface strings `meta.untranslated` lists, with their places (none when the file is missing). */
export async function untranslatedUi(absolute: string, path: string): Promise<UntranslatedUi> {
  let raw: string
  try {
    raw = await readFile(absolute, 'utf8')
  } catch {
    return { path, keys: [] }
  }
  const parsed = parseJsonFile(raw, path, uiSchema, 'interface strings file')
  const keys = (parsed.value.meta.untranslated ?? []).map((key) => ({ key, ...parsed.keyPlaceOf(['strings', key]) }))
  return { path, keys }
}

export async function readUiStrings(absolute: string, path: string, language: string): Promise<UiFile> {
  let bytes: Buffer
  try {
    bytes = await readFile(absolute)
  } catch {
    throw new PressError(
      problem(`No interface strings for "${language}".`, {
        file: path,
        hint: `Copy translations/en/ui.json to ${path} and translate its values (see "Adding a language" in README.md).`,
      }),
    )
  }
  const parsed = parseJsonFile(decodeText(bytes, path, 'ui'), path, uiSchema, 'interface strings file')
  if (parsed.value.meta.language !== language) {
    throw new PressError(
      problem(`This file says it is "${parsed.value.meta.language}" but sits in the folder for "${language}".`, {
        file: path,
        place: parsed.placeOf(['meta', 'language']),
        hint: 'Move the file to the folder of its language, or correct meta.language.',
      }),
    )
  }
  const strings = Object.entries(parsed.value.strings).map(([key, value]) => ({ path: ['strings', key], value }))
  const invisible = invisibleInStrings(strings, language, path, parsed.placeOf)
  if (invisible.length > 0) throw new PressError(invisible)
  return parsed.value
}
