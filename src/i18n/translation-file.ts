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
import { insideProject, stringifyJson } from '../util/files.ts'
import { parseJsonFile, positionsOf, type PositionedJson } from '../util/json.ts'
import { CACHE_DIR, readStored, sha256 } from '../project/cache.ts'
import { toolFingerprint } from '../project/tool.ts'
import { writeFileAtomic } from '../util/files.ts'

export { decisionActions, entryStates, reviewStatuses } from './translation-states.ts'
export type { DecisionAction, EntryState, ReviewStatus } from './translation-states.ts'
export type { Comment, Decision, Entry, PublicationMeta, Reply, TranslationFile } from './translation-schema.ts'
import type { Entry, TranslationFile, Comment } from './translation-schema.ts'

export interface LoadedTranslation {
  path: string
  /** The file's bytes as read: writers compare against them to change nothing needlessly. */
  raw: string
  data: TranslationFile
  positions: PositionedJson<TranslationFile>
}

/**
 * Read `path` (relative to the project `root`); undefined when the file does not exist. A link leading outside the
 * project is refused. `cache`: read (and keep) the checked file in .press-cache/translations/, under a hash of the
 * tool, the path and the bytes; only a file without problems is kept (a file with one is checked, and refused, again).
 */
export async function readTranslationFile(root: string, path: string, cache = true): Promise<LoadedTranslation | undefined> {
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
  const key = cache ? sha256(`${FORMAT}\0${await toolFingerprint()}\0${path}\0${sha256(bytes)}`) : ''
  const file = join(root, CACHE_DIR, 'translations', `${key}.json`)
  const kept = cache ? await readStored<Stored>(file) : undefined
  if (kept?.format === FORMAT && kept.key === key && kept.data) {
    const positions = positionsOf<TranslationFile>(raw, kept.data)
    return { path, raw, data: positions.value, positions }
  }
  const { translationFileSchema } = await import('./translation-schema.ts')
  const positions = parseJsonFile(raw, path, translationFileSchema, 'translation file')
  // A cache that cannot be written (a read-only checkout) only means checking again next time.
  if (cache)
    await writeFileAtomic(file, JSON.stringify({ format: FORMAT, key, data: positions.value } satisfies Stored)).catch(() => undefined)
  return { path, raw, data: positions.value, positions }
}

const FORMAT = 'press translation file 1'

interface Stored {
  format: string
  key: string
  data: TranslationFile
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
