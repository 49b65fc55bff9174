/**
 * The ID lock: `content/<publication>/ids.lock.json`, committed next to the
 * sources. It lists every block's ID with the fingerprint and text the ID was
 * last seen with, plus the IDs retired so far (never minted again).
 */
import { readText } from '../util/read-text.ts'
import { z } from 'zod'
import { blockKinds } from '../source/segment.ts'
import { parseJsonFile } from '../util/json.ts'
import { problem, PressError } from '../util/problems.ts'
import { stringifyJson } from '../util/files.ts'

export const LOCK_FILE = 'ids.lock.json'
export const LOCK_VERSION = 1

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

const lockSchema = z
  .object({
    lockfileVersion: z.literal(LOCK_VERSION),
    blocks: z.array(lockEntry),
    retired: z.array(z.string()),
  })
  .strict()

export type LockEntry = z.infer<typeof lockEntry>
export type Lock = z.infer<typeof lockSchema>

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
  const lock = parsed.value
  const messages: ReturnType<typeof problem>[] = []
  const seen = new Map<string, string>()
  const check = (id: string, path: (string | number)[]): void => {
    const place = parsed.placeOf(path)
    if (!idPattern.test(id)) {
      messages.push(
        problem(`Malformed paragraph ID "${id}".`, {
          file,
          place,
          hint: 'A paragraph ID is a kind letter (h, p, n, t, c), "-" and six lower-case letters or digits, e.g. p-0a1b2c; other ids (main, toc-title, pp-…) belong to the templates. Restore the lock from git, or delete the entry and run `press ids` to mint a new one.',
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
  lock.retired.forEach((id, index) => check(id, ['retired', index]))
  if (messages.length > 0) throw new PressError(messages)
  return lock
}

export function serializeLock(lock: Lock): string {
  return stringifyJson(lock)
}
