/**
 * The review API of the preview server, under /__press/. Reads: the entries of
 * one translation file with their fingerprints. Writes (token + same origin,
 * checked by the server): a review decision, through applyDecision (one atomic,
 * locked write of that translation file), and a preview of a row's Markdown,
 * rendered by the review page's own renderer and sanitiser on the server.
 */
import * as z from 'zod'
import type { Root } from 'hast'
import { applyDecision, entryFingerprint, type ReviewAction } from '../../i18n/decisions.ts'
import { readTranslationFile } from '../../i18n/translation-file.ts'
import type { Publication } from '../../project/load.ts'
import { findPublications, translationPath } from '../../project/paths.ts'
import { checkPair } from '../../qa/index.ts'
import { blockHast } from '../../outputs/review/markdown.ts'
import { serializeHtml } from '../../outputs/serialize.ts'
import { decisionDate } from '../../util/dates.ts'

export interface ApiContext {
  root: string
  reviewer: string
  /** Only this publication (--publication). */
  publication?: string
}

export interface ApiAnswer {
  status: number
  body: unknown
}

const id = z.string().regex(/^[a-z]-[a-z0-9]{6}$/, 'a paragraph ID')
const text = z.string().max(200_000)
const target = { publication: z.string().min(1).max(200), language: z.string().min(1).max(35), id }

const actionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('edit'), text }).strict(),
  z
    .object({ kind: z.literal('state'), state: z.enum(['reviewed', 'final', 'needs-work']), comment: text.optional() })
    .strict()
    .refine((a) => a.state !== 'needs-work' || (a.comment ?? '').trim() !== '', 'needs-work takes a comment'),
  z.object({ kind: z.literal('comment'), text: text.min(1), replyTo: z.string().max(100).optional() }).strict(),
  z.object({ kind: z.literal('resolve'), commentId: z.string().min(1).max(100) }).strict(),
])

export const decisionSchema = z.object({ ...target, expected: z.string().max(100), action: actionSchema }).strict()
export const renderSchema = z.object({ ...target, text }).strict()

const refused = (message: string, status = 400): ApiAnswer => ({ status, body: { error: message } })

/** The publication and one of its target languages: the only translation files the server writes. */
async function targetOf(context: ApiContext, publication: string, language: string): Promise<Publication | ApiAnswer> {
  const found = (await findPublications(context.root, context.publication)).find((p) => p.config.id === publication)
  if (!found) return refused(`No publication ${publication} here.`, 404)
  if (!found.config.languages.includes(language)) return refused(`${publication} has no target language ${language}.`, 404)
  return found
}

export async function entriesOf(context: ApiContext, publication: string, language: string): Promise<ApiAnswer> {
  const found = await targetOf(context, publication, language)
  if (!('config' in found)) return found
  const path = translationPath(language, publication)
  const loaded = await readTranslationFile(context.root, path)
  const entries = Object.fromEntries(
    Object.entries(loaded?.data.entries ?? {}).map(([key, entry]) => [
      key,
      { text: entry.text, state: entry.state, comments: entry.comments ?? [], fingerprint: entryFingerprint(entry) },
    ]),
  )
  return { status: 200, body: { reviewer: context.reviewer, entries } }
}

export async function decide(context: ApiContext, body: unknown): Promise<ApiAnswer> {
  const parsed = decisionSchema.safeParse(body)
  if (!parsed.success) return refused(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '))
  const { publication, language, id: entryId, expected, action } = parsed.data
  const found = await targetOf(context, publication, language)
  if (!('config' in found)) return found
  const result = await applyDecision({
    publication: found,
    language,
    id: entryId,
    expected,
    action: action as ReviewAction,
    reviewer: context.reviewer,
    // When the reviewer decided (to the second): the real time, not the build date SOURCE_DATE_EPOCH gives.
    date: decisionDate({}),
  })
  if (result.ok) return { status: 200, body: { ok: true, fingerprint: result.fingerprint, entry: result.entry } }
  const { theirs, message } = result.conflict
  return { status: 409, body: { ok: false, message, theirs: theirs ?? null, fingerprint: entryFingerprint(theirs) } }
}

/** The row's translation as the review page renders it (sanitised HTML), and its QA findings against the entry's source. */
export async function render(context: ApiContext, body: unknown): Promise<ApiAnswer> {
  const parsed = renderSchema.safeParse(body)
  if (!parsed.success) return refused(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '))
  const { publication, language, id: entryId, text: markdown } = parsed.data
  const found = await targetOf(context, publication, language)
  if (!('config' in found)) return found
  const path = translationPath(language, publication)
  const entry = (await readTranslationFile(context.root, path))?.data.entries[entryId]
  if (!entry) return refused(`${entryId} is not an entry of ${path}.`, 404)
  const tree: Root = { type: 'root', children: blockHast(markdown, 'paragraph') }
  const findings = markdown.trim()
    ? checkPair({ source: entry.source, target: markdown, sourceLanguage: found.config.sourceLanguage, targetLanguage: language })
    : []
  return { status: 200, body: { html: serializeHtml(tree), findings } }
}
