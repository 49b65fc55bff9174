/**
 * The zod schemas of translation files (src/i18n/translation-file.ts), in a module of their own: a command
 * whose translation files are in the parsed cache (.press-cache/translations/) never loads them, nor zod's
 * checks of them.
 */
import * as z from 'zod'
import { isRealDate } from '../util/dates.ts'
import { decisionActions, entryStates, reviewStatuses } from './translation-states.ts'

/** When a decision or comment was made: a UTC timestamp to the second (or a bare date, for hand edits). */
export const decisionDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}Z)?$/, 'an ISO 8601 date, YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ')
  .refine((d) => isRealDate(d.slice(0, 10)), 'a real date')

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
