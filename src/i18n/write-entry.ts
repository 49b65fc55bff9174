/**
 * The text of a translation file with one entry replaced. When the entry is
 * already in the file, only its bytes change (a jsonc-parser edit at
 * `entries.<id>`), so hand formatting elsewhere is kept; a new entry is put in
 * source order by serialising the whole file, as `press import` does.
 */
import { applyEdits, modify } from 'jsonc-parser'
import type { Publication } from '../project/load.ts'
import { orderedEntry, serializeTranslationFile, type Entry, type LoadedTranslation, type TranslationFile } from './translation-file.ts'

export interface EntryWrite {
  loaded: LoadedTranslation | undefined
  id: string
  entry: Entry
  /** Paragraph IDs in source order. */
  order: readonly string[]
  publication: Publication
  language: string
  /** For the meta of a new file. */
  date: string
}

export function writeEntry(write: EntryWrite): string {
  const { loaded, id, entry } = write
  if (loaded && id in loaded.data.entries) {
    const edits = modify(loaded.raw, ['entries', id], orderedEntry(entry), {
      formattingOptions: { insertSpaces: true, tabSize: 2, eol: loaded.raw.includes('\r\n') ? '\r\n' : '\n' },
    })
    return applyEdits(loaded.raw, edits)
  }
  const file: TranslationFile = loaded?.data ?? newFile(write)
  const entries: Record<string, Entry> = {}
  const all = { ...file.entries, [id]: entry }
  for (const key of write.order) if (all[key]) entries[key] = all[key]
  for (const [key, value] of Object.entries(all)) if (!(key in entries)) entries[key] = value
  return serializeTranslationFile({ ...file, entries })
}

function newFile(write: EntryWrite): TranslationFile {
  return {
    meta: {
      language: write.language,
      publication: write.publication.config.id,
      producedBy: `Review by ${write.entry.decision?.by ?? write.entry.comments?.[0]?.author ?? 'a reviewer'}`,
      review: 'in-review',
      date: write.date.slice(0, 10),
    },
    publication: {},
    entries: {},
    orphans: {},
  }
}
