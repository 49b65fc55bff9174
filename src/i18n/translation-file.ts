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
import { join } from 'node:path'
import { asPressError } from '../util/fs-errors.ts'
import { decodeText } from '../util/read-text.ts'
import { isRealDate } from '../util/dates.ts'
import * as z from 'zod'
import { insideProject, stringifyJson } from '../util/files.ts'
import { parseJsonFile, type PositionedJson } from '../util/json.ts'

export const reviewStatuses = ['unreviewed', 'in-review', 'reviewed', 'approved'] as const
export type ReviewStatus = (typeof reviewStatuses)[number]

/** Workflow state of one entry, as in XLIFF 2. */
export const entryStates = ['initial', 'translated', 'reviewed', 'final'] as const
export type EntryState = (typeof entryStates)[number]

/** When a decision or comment was made: a UTC timestamp to the second (or a bare date, for hand edits). */
export const decisionDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}Z)?$/, 'an ISO 8601 date, YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ')
  .refine((d) => isRealDate(d.slice(0, 10)), 'a real date')

/** The last decision on an entry made on the review page: what, by whom, when. */
export const decisionActions = ['edited', 'reviewed', 'final', 'needs-work'] as const
export type DecisionAction = (typeof decisionActions)[number]

export const decisionSchema = z
  .object({
    action: z.enum(decisionActions).describe('edited (new text), reviewed, final, or needs-work (sent back).'),
    by: z.string().min(1).describe('The reviewer.'),
    date: decisionDateSchema,
  })
  .strict()

export const replySchema = z.object({ author: z.string().min(1), date: decisionDateSchema, text: z.string().min(1) }).strict()

export const commentSchema = z
  .object({
    id: z
      .string()
      .regex(/^c[1-9][0-9]*$/, 'c1, c2, … (numbered per entry)')
      .describe('Numbered per entry in the order comments are made: c1, c2, …'),
    author: z.string().min(1),
    date: decisionDateSchema,
    text: z.string().min(1),
    needsWork: z.literal(true).optional().describe('The comment that sent the entry back: it needs work while it is open.'),
    resolved: z.boolean(),
    replies: z.array(replySchema).optional(),
  })
  .strict()

export type Decision = z.infer<typeof decisionSchema>
export type Comment = z.infer<typeof commentSchema>
export type Reply = z.infer<typeof replySchema>

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
    decision: decisionSchema.optional().describe('The last decision made on the review page.'),
    comments: z.array(commentSchema).optional().describe("Reviewers' comments, oldest first."),
  })
  .strict()

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

/** Read `path` (relative to the project `root`); undefined when the file does not exist. A link leading outside the project is refused. */
export async function readTranslationFile(root: string, path: string): Promise<LoadedTranslation | undefined> {
  const absolute = join(root, path)
  let bytes: Buffer
  try {
    await insideProject(root, absolute, 'read')
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
  const map = (record: Record<string, Entry>): Record<string, Entry> =>
    Object.fromEntries(Object.entries(record).map(([id, e]) => [id, orderedEntry(e)]))
  return stringifyJson({
    meta: file.meta,
    publication: file.publication,
    entries: map(file.entries),
    orphans: map(file.orphans),
  })
}

/** An entry with its keys in the fixed order (optional keys only when present). */
export function orderedEntry(e: Entry): Entry {
  return {
    state: e.state,
    sourceHash: e.sourceHash,
    source: e.source,
    text: e.text,
    ...(e.stale === undefined ? {} : { stale: e.stale }),
    ...(e.decision === undefined ? {} : { decision: { action: e.decision.action, by: e.decision.by, date: e.decision.date } }),
    ...(e.comments === undefined || e.comments.length === 0 ? {} : { comments: e.comments.map(orderedComment) }),
  }
}

function orderedComment(c: Comment): Comment {
  return {
    id: c.id,
    author: c.author,
    date: c.date,
    text: c.text,
    ...(c.needsWork ? { needsWork: true as const } : {}),
    resolved: c.resolved,
    ...(c.replies && c.replies.length > 0 ? { replies: c.replies.map((r) => ({ author: r.author, date: r.date, text: r.text })) } : {}),
  }
}

export function isTranslated(entry: Entry): boolean {
  return entry.text.trim() !== ''
}
