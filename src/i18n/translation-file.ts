/**
 * Translation files: `translations/<lang>/<publication>.json`.
 *
 * {
 *   "meta": { "language", "publication", "producedBy", "review", "date" },
 *   "publication": { "title", "issuer", ... },        translated metadata
 *   "entries": { "<paragraph ID>": Entry, ... },      in source order
 *   "orphans": { "<retired ID>": Entry, ... }          never deleted by a tool
 * }
 *
 * The i18next resource of the edition is `{ [id]: entry.text }`.
 */
import { readFile } from 'node:fs/promises'
import { asPressError } from '../util/fs-errors.ts'
import { decodeText } from '../util/read-text.ts'
import { isRealDate } from '../util/dates.ts'
import { z } from 'zod'
import { insideProject, stringifyJson } from '../util/files.ts'
import { parseJsonFile, type PositionedJson } from '../util/json.ts'

export const reviewStatuses = ['unreviewed', 'in-review', 'reviewed', 'approved'] as const
export type ReviewStatus = (typeof reviewStatuses)[number]

/** Workflow state of one entry, as in XLIFF 2. */
export const entryStates = ['initial', 'translated', 'reviewed', 'final'] as const
export type EntryState = (typeof entryStates)[number]

export const entrySchema = z
  .object({
    state: z.enum(entryStates).describe('initial: not translated yet; translated; reviewed; final.'),
    sourceHash: z
      .string()
      .regex(/^[0-9a-f]{16}$/, '16 hex digits')
      .describe('Fingerprint of the source text this translation was made from.'),
    source: z.string().describe('That source text (Markdown), to show what changed when the source moves on.'),
    text: z.string().describe('The translation (Markdown); empty while missing.'),
    stale: z
      .boolean()
      .optional()
      .describe('Set by `press sync` when the source changed. Set it to false after updating the text to confirm it.'),
    decidedBy: z.string().optional().describe('Who recorded the last review decision (press preview).'),
    decidedOn: z.string().optional().describe('When (ISO 8601).'),
    comments: z.array(commentSchema()).optional().describe("Reviewers' comments on this entry, oldest first."),
  })
  .strict()

function commentSchema() {
  const reply = z.object({ id: z.string(), author: z.string(), date: z.string(), text: z.string() }).strict()
  return reply.extend({ resolved: z.boolean(), replies: z.array(reply) }).strict()
}

export type EntryComment = NonNullable<z.infer<typeof entrySchema>['comments']>[number]

export type Entry = z.infer<typeof entrySchema>

export const publicationMetaSchema = z
  .object({
    title: z.string(),
    subtitle: z.string().optional(),
    issuer: z.string(),
    publisher: z.string(),
    description: z.string().optional(),
    date: z.string().describe('The publication date as written in this language.'),
    keywords: z.array(z.string()).optional(),
  })
  .strict()

export type PublicationMeta = z.infer<typeof publicationMetaSchema>

export const translationFileSchema = z
  .object({
    meta: z
      .object({
        language: z.string(),
        publication: z.string(),
        producedBy: z.string().min(1).describe('Who or what produced the translation.'),
        review: z.enum(reviewStatuses).describe('Review status of the translation as a whole.'),
        date: z
          .string()
          .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD')
          .refine(isRealDate, 'a real date (month 01–12, a day that exists in that month)'),
        notes: z.string().optional(),
      })
      .strict(),
    publication: publicationMetaSchema.partial().default({}),
    entries: z.record(z.string(), entrySchema),
    orphans: z.record(z.string(), entrySchema).default({}),
  })
  .strict()

export type TranslationFile = z.infer<typeof translationFileSchema>

export interface LoadedTranslation {
  path: string
  /** The file's bytes as read: writers compare against them to change nothing needlessly. */
  raw: string
  data: TranslationFile
  positions: PositionedJson<TranslationFile>
}

export async function readTranslationFile(absolute: string, path: string): Promise<LoadedTranslation | undefined> {
  let bytes: Buffer
  try {
    // `path` is `absolute` relative to the project root: a link leading outside the project is refused.
    if (absolute.endsWith(path) && path !== absolute)
      await insideProject(absolute.slice(0, absolute.length - path.length), absolute, 'read')
    bytes = await readFile(absolute)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw asPressError(error, absolute, 'read')
  }
  const raw = decodeText(bytes, path, 'translation')
  const positions = parseJsonFile(raw, path, translationFileSchema, 'translation file')
  return { path, raw, data: positions.value, positions }
}

/** Serialise with a fixed key order, so a change to one entry is a one-entry diff. */
export function serializeTranslationFile(file: TranslationFile): string {
  const entry = (e: Entry): Entry => ({
    state: e.state,
    sourceHash: e.sourceHash,
    source: e.source,
    text: e.text,
    ...(e.stale === undefined ? {} : { stale: e.stale }),
    ...(e.decidedBy === undefined ? {} : { decidedBy: e.decidedBy }),
    ...(e.decidedOn === undefined ? {} : { decidedOn: e.decidedOn }),
    ...(e.comments === undefined ? {} : { comments: e.comments }),
  })
  const map = (record: Record<string, Entry>): Record<string, Entry> =>
    Object.fromEntries(Object.entries(record).map(([id, e]) => [id, entry(e)]))
  return stringifyJson({
    meta: file.meta,
    publication: file.publication,
    entries: map(file.entries),
    orphans: map(file.orphans),
  })
}

export function isTranslated(entry: Entry): boolean {
  return entry.text.trim() !== ''
}
