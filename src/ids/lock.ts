/**
 * The ID lock: `content/<publication>/ids.lock.json`, committed next to the
 * sources. It lists every block's ID with the fingerprint and text the ID was
 * last seen with, plus the IDs retired so far (never minted again), each with
 * the kind, fingerprint and text it had when it was retired, so that a block
 * restored later (from git) gets its ID back.
 *
 * Version 1 listed retired IDs as bare strings; it is still read (those IDs
 * can never come back, having no text), and `press ids` writes version 2. A
 * bare string is also what `press ids --prune-retired` leaves of a retirement.
 */
import { readText } from '../util/read-text.ts'
import * as z from 'zod'
import { blockKinds } from '../source/segment.ts'
import { parseJsonFile } from '../util/json.ts'
import { problem, PressError } from '../util/problems.ts'
import { stringifyJson } from '../util/files.ts'

export { LOCK_FILE } from '../project/paths.ts'
export const LOCK_VERSION = 2

/**
 * A paragraph ID as minted (src/ids/assign.ts): the block kind's letter, "-"
 * and six base-36 characters. Valid as an XML `id` and in a URL fragment, and
 * never equal to an id of the templates and writers (`main`, `pp-…`).
 */
export const idPattern = /^[hpntc]-[0-9a-z]{6}$/

const lockEntry = z
  .object({
    id: z.string(),
    kind: z.enum(blockKinds),
    file: z.string(),
    hash: z.string().regex(/^[0-9a-f]{16}$/, '16 hex digits'),
    text: z.string(),
  })
  .strict()

const retiredEntry = z
  .object({
    id: z.string(),
    kind: z.enum(blockKinds),
    hash: z.string().regex(/^[0-9a-f]{16}$/, '16 hex digits'),
    text: z.string(),
  })
  .strict()
  .describe('A retired ID with the block it last marked: a block with this text gets the ID back.')

const lockSchema = z.discriminatedUnion('lockfileVersion', [
  z
    .object({ lockfileVersion: z.literal(1), blocks: z.array(lockEntry), retired: z.array(z.string()) })
    .strict()
    .describe('Version 1: retired IDs without their text.'),
  z
    .object({
      lockfileVersion: z.literal(LOCK_VERSION),
      blocks: z.array(lockEntry),
      retired: z.array(z.union([z.string().describe('A pruned retirement: the ID only.'), retiredEntry])),
    })
    .strict(),
])

export type LockEntry = z.infer<typeof lockEntry>
/** A retired ID; without `text` (pruned, or from a version 1 lock) it can never come back. */
export interface RetiredEntry {
  id: string
  kind?: LockEntry['kind']
  hash?: string
  text?: string
}

/** A lock as read (any version) and as written (the current version). */
export interface Lock {
  lockfileVersion: number
  blocks: LockEntry[]
  retired: RetiredEntry[]
}

export function emptyLock(): Lock {
  return { lockfileVersion: LOCK_VERSION, blocks: [], retired: [] }
}

/** Read and check a lock; a missing file is an empty lock. Hand edits are checked, never repaired. */
export async function readLock(path: string, displayPath: string): Promise<{ lock: Lock; exists: boolean }> {
  let text: string
  try {
    text = await readText(path, displayPath, 'lock')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { lock: emptyLock(), exists: false }
    throw error
  }
  return { lock: parseLock(text, displayPath), exists: true }
}

export function parseLock(text: string, file: string): Lock {
  const parsed = parseJsonFile(text, file, lockSchema, 'ID lock')
  const lock: Lock = {
    lockfileVersion: parsed.value.lockfileVersion,
    blocks: parsed.value.blocks,
    retired: parsed.value.retired.map((entry) => (typeof entry === 'string' ? { id: entry } : entry)),
  }
  const messages: ReturnType<typeof problem>[] = []
  const seen = new Map<string, string>()
  const check = (id: string, path: (string | number)[]): void => {
    const place = parsed.placeOf(path)
    if (!idPattern.test(id)) {
      messages.push(
        problem(`Malformed paragraph ID "${id}".`, {
          file,
          place,
          hint:
            'A paragraph ID is a kind letter (h, p, n, t, c), "-" and six lower-case letters or digits, e.g. p-0a1b2c; ' +
            'other ids (main, toc-title, pp-…) belong to the templates. ' +
            'Restore the lock from git, or delete the entry and run `press ids` to mint a new one.',
          ruleId: 'malformed-id',
        }),
      )
    }
    const first = seen.get(id)
    if (first !== undefined) {
      messages.push(
        problem(`Duplicate paragraph ID "${id}" (also at ${first}).`, {
          file,
          place,
          hint: 'Each ID marks one block, once. Restore the lock from git, or remove one of the two entries and run `press ids`.',
          ruleId: 'duplicate-id',
        }),
      )
    } else seen.set(id, place ? `${file}:${place.line}:${place.column}` : file)
  }
  lock.blocks.forEach((entry, index) => check(entry.id, ['blocks', index, 'id']))
  lock.retired.forEach((entry, index) => check(entry.id, entry.text === undefined ? ['retired', index] : ['retired', index, 'id']))
  if (messages.length > 0) throw new PressError(messages)
  return lock
}

/**
 * The lock as committed, in the current version. Each retirement takes one
 * line (`{"id":…,"kind":…,"hash":…,"text":…}`, or the bare ID when pruned), so
 * retirements stay compact and each is a one-line diff.
 */
export function serializeLock(lock: Lock): string {
  const head = stringifyJson({ lockfileVersion: LOCK_VERSION, blocks: lock.blocks, retired: [] })
  if (lock.retired.length === 0) return head
  const lines = lock.retired.map((entry) =>
    JSON.stringify(entry.text === undefined ? entry.id : { id: entry.id, kind: entry.kind, hash: entry.hash, text: entry.text }),
  )
  return head.replace(/"retired": \[\]\n\}\n$/, `"retired": [\n    ${lines.join(',\n    ')}\n  ]\n}\n`)
}

/** Whether the lock was read from an older version (written anew by `press ids`). */
export function isOutdated(lock: Lock): boolean {
  return lock.lockfileVersion !== LOCK_VERSION
}

/** The retirements reduced to their IDs: texts dropped, so they never come back, and never minted again. */
export function pruneRetired(lock: Lock): Lock {
  return { ...lock, retired: lock.retired.map((entry) => ({ id: entry.id })) }
}
