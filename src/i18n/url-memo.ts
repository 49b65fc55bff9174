/**
 * The URL policy's findings for each entry text of a translation file, kept on
 * disk between commands: .press-cache/urls/<key>.json, the key a hash of the
 * tool and the file's path. The findings depend on nothing but the text (and
 * the tool), so an entry is parsed again only when its text is new: after one
 * edit, one entry.
 */
import { join } from 'node:path'
import { CACHE_DIR, readStored, sha256 } from '../project/cache.ts'
import { toolFingerprint } from '../project/tool.ts'
import { writeFileAtomic } from '../util/files.ts'
import type { UrlViolation } from '../source/urls.ts'
import type { ViolationMemo } from './entry-urls.ts'

const FORMAT = 'press url findings 1'

interface Stored {
  format: string
  key: string
  entries: [string, readonly UrlViolation[]][]
}

/** The memo kept for the translation file `path` (relative to `root`), and `save`, which keeps only the texts the file has now. */
export async function readUrlMemo(
  root: string,
  path: string,
): Promise<{ memo: ViolationMemo; save(texts: readonly string[]): Promise<void> }> {
  const key = sha256(`${FORMAT}\0${await toolFingerprint()}\0${path}`)
  const file = join(root, CACHE_DIR, 'urls', `${key}.json`)
  const stored = await readStored<Stored>(file)
  const memo: ViolationMemo = new Map(stored?.format === FORMAT && stored.key === key ? stored.entries : [])
  const before = new Set(memo.keys())
  return {
    memo,
    async save(texts) {
      const now = new Set(texts)
      for (const text of memo.keys()) if (!now.has(text)) memo.delete(text)
      if (memo.size === before.size && [...memo.keys()].every((text) => before.has(text))) return
      const json = JSON.stringify({ format: FORMAT, key, entries: [...memo] } satisfies Stored)
      // A cache that cannot be written (a read-only checkout) only means parsing again next time.
      await writeFileAtomic(file, json).catch(() => undefined)
    },
  }
}
