/**
 * The exchange model: one unit per paragraph ID, built from the current
 * source blocks and a translation file, and what a reader gives back.
 */
import { createHash } from 'node:crypto'
import type { Block } from '../source/segment.ts'
import type { Comment, Entry, EntryState, TranslationFile } from '../i18n/translation-file.ts'
import type { ImportedComment } from './comments.ts'
import { toString } from 'mdast-util-to-string'
import { isPlainText, loadParser, parser } from './parser.ts'
import { entryStatus, exchangeState } from '../i18n/status.ts'
import type { Place } from '../util/problems.ts'

export const exchangeFormats = ['xliff2', 'xliff12', 'po', 'json'] as const
export type ExchangeFormat = (typeof exchangeFormats)[number]

export const formatExtensions: Record<ExchangeFormat, string> = { xliff2: 'xlf', xliff12: 'xliff', po: 'po', json: 'json' }

/** What an export writes for one paragraph ID. */
export interface ExportUnit {
  id: string
  kind: Block['kind']
  /** The current source text (Markdown). */
  source: string
  /** The translation (Markdown); empty when missing. */
  target: string
  state: EntryState
  /** The translation was made from an older source. */
  stale: boolean
  /** The source the translation was made from, when stale. */
  previousSource?: string
  /** Fingerprint of the file entry at export time: import refuses to overwrite an entry changed since. */
  base: string
  /** The section heading the block belongs to (plain text). */
  heading?: string
  /** `path:line` of the block. */
  location: string
  /** Reviewers' comments on the entry (absent when none). */
  comments?: Comment[]
  /** The source's HTML comment before the block: a note for the translator (absent when none). */
  translatorNote?: string
}

/** What a reader gives back for one unit. */
export interface ImportedUnit {
  id: string
  source: string
  target: string
  state: EntryState
  stale: boolean
  base?: string
  place?: Place
  /** The comments the file carries (absent when it carries none). */
  comments?: ImportedComment[]
}

export interface ExportHeader {
  publication: string
  sourceLanguage: string
  targetLanguage: string
  /** Date of the translation file (YYYY-MM-DD), for PO-Revision-Date. */
  date?: string
  /** Who produced the translation, for Last-Translator. */
  producedBy?: string
}

export interface ImportedDocument {
  format: ExchangeFormat
  publication?: string
  sourceLanguage?: string
  targetLanguage?: string
  /** Where the target language is declared, for errors. */
  languagePlace?: Place
  units: ImportedUnit[]
}

/** Fingerprint of an entry (or of its absence). */
export function entryBase(entry: Entry | undefined): string {
  if (!entry) return 'none'
  const key = JSON.stringify([entry.state, entry.sourceHash, entry.text, entry.stale ?? null])
  return createHash('sha256').update(key).digest('hex').slice(0, 12)
}

/** Plain text of a block's Markdown, for notes and matching. */
export function plainText(markdown: string): string {
  const text = isPlainText(markdown) ? markdown : toString(parser().parseMarkdown(markdown))
  return text.replace(/\s+/g, ' ').trim()
}

/** One unit per block, in source order. */
export async function buildUnits(blocks: Block[], ids: string[], file: TranslationFile | undefined): Promise<ExportUnit[]> {
  if (blocks.some((block) => block.kind === 'heading' && !isPlainText(block.text))) await loadParser()
  const units: ExportUnit[] = []
  let heading: string | undefined
  blocks.forEach((block, index) => {
    const id = ids[index]!
    const entry = file?.entries[id]
    if (block.kind === 'heading') heading = plainText(block.text)
    const { state, stale } = exchangeState(entry, block.hash)
    units.push({
      id,
      kind: block.kind,
      source: block.text,
      target: entryStatus(entry, block.hash) === 'missing' ? '' : entry!.text,
      state,
      stale,
      ...(stale ? { previousSource: entry!.source } : {}),
      base: entryBase(entry),
      ...(heading !== undefined && block.kind !== 'heading' ? { heading } : {}),
      location: `${block.file}:${block.line}`,
      ...(entry?.comments && entry.comments.length > 0 ? { comments: entry.comments } : {}),
      ...(block.translatorNote ? { translatorNote: block.translatorNote } : {}),
    })
  })
  return units
}

/** A one-line description of a unit's context, for notes and comments. */
export function contextNote(unit: ExportUnit): string {
  const what =
    unit.kind === 'note'
      ? 'Footnote'
      : unit.kind === 'table-cell'
        ? 'Table cell'
        : unit.kind === 'heading'
          ? 'Heading'
          : unit.kind === 'code'
            ? 'Code block'
            : 'Paragraph'
  return unit.heading ? `${what} in section "${unit.heading}"` : what
}
