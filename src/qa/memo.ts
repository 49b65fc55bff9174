/**
 * The QA findings of each pair of texts checked against one translation file,
 * kept on disk between commands: .press-cache/qa/<key>.json, the key a hash of
 * the tool, the runtime's ICU and CLDR data (numbers and month names are read
 * through Intl) and the file's path. The findings depend on nothing but the
 * pair (its texts and languages), so `press check` on unchanged translations
 * loads no check and no Markdown parser, and after one edit checks one pair.
 */
import { join } from 'node:path'
import { CACHE_DIR, readStored, sha256 } from '../project/cache.ts'
import { toolFingerprint } from '../project/tool.ts'
import { writeFileAtomic } from '../util/files.ts'
import type { Finding, QaPair } from './types.ts'

const FORMAT = 'press qa findings 1'

/** Findings by pair, shared with src/outputs/review/rows.ts. */
export interface QaMemo {
  get(pair: QaPair): readonly Finding[] | undefined
  set(pair: QaPair, findings: readonly Finding[]): void
}

interface Stored {
  format: string
  key: string
  pairs: [string, readonly Finding[]][]
}

/** What identifies a pair: both languages and both texts. */
const pairKey = (pair: QaPair): string => JSON.stringify([pair.sourceLanguage, pair.targetLanguage, pair.source, pair.target])

/** The memo kept for the translation file `path` (relative to `root`), and `save`, which keeps only the pairs looked up since. */
export async function readQaMemo(root: string, path: string): Promise<{ memo: QaMemo; save(): Promise<void> }> {
  const runtime = `${process.versions.node} icu ${process.versions.icu} cldr ${process.versions.cldr}`
  const key = sha256(`${FORMAT}\0${await toolFingerprint()}\0${runtime}\0${path}`)
  const file = join(root, CACHE_DIR, 'qa', `${key}.json`)
  const stored = await readStored<Stored>(file)
  const kept = new Map(stored?.format === FORMAT && stored.key === key && Array.isArray(stored.pairs) ? stored.pairs : [])
  const now = new Map<string, readonly Finding[]>()
  const memo: QaMemo = {
    get(pair) {
      const key = pairKey(pair)
      const findings = now.get(key) ?? kept.get(key)
      if (findings) now.set(key, findings)
      return findings
    },
    set(pair, findings) {
      now.set(pairKey(pair), findings)
    },
  }
  return {
    memo,
    async save() {
      if (now.size === kept.size && [...now].every(([pair, findings]) => kept.get(pair) === findings)) return
      const json = JSON.stringify({ format: FORMAT, key, pairs: [...now] } satisfies Stored)
      // A cache that cannot be written (a read-only checkout) only means checking again next time.
      await writeFileAtomic(file, json).catch(() => undefined)
    },
  }
}
