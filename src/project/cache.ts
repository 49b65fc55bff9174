/**
 * Where the build keeps what it can reuse: `.press-cache/` in the project, git-ignored, removed by `press clean`.
 *
 *   fonts/<key>.woff2        font subsets (src/outputs/epub/subset.ts)
 *   blobs/<sha256>           every file a work unit wrote, by its content
 *   units/<fingerprint>.json what a work unit with that input fingerprint wrote (paths, sizes, sha256, facts)
 *   timings.json             each unit's last measured seconds (for balancing shards)
 *   config/ sources/ urls/   what commands parsed, by tool and input bytes (src/project/config-cache.ts,
 *                            src/source/parsed-cache.ts, src/i18n/url-memo.ts)
 *   qa/                      the QA findings of each pair press check checked (src/qa/memo.ts)
 *   translations/            each translation file, checked (src/i18n/translation-file.ts)
 */
import { createHash } from 'node:crypto'
import { readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { writeFileAtomic } from '../util/files.ts'

export const CACHE_DIR = '.press-cache'

export function cacheDir(root: string, kind: 'fonts' | 'blobs' | 'units'): string {
  return join(root, CACHE_DIR, kind)
}

/** A file a unit wrote: its path relative to the output folder (forward slashes) and its facts. */
export interface CachedFile {
  path: string
  size: number
  sha256: string
}

/** What a cached unit wrote, and the facts its output returned (page counts, titles…), as JSON. */
export interface UnitRecord<Facts = unknown> {
  unit: string
  fingerprint: string
  seconds: number
  files: CachedFile[]
  facts: Facts
}

export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex')
}

/** A cache file's JSON; undefined when it is missing or damaged (a half-written or edited file is never trusted). */
export async function readStored<T>(file: string): Promise<T | undefined> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as T
  } catch {
    return undefined
  }
}

export class UnitCache {
  readonly #root: string

  constructor(root: string) {
    this.#root = root
  }

  /** The record of a unit with this fingerprint, when every file it lists is still in the cache. */
  async get<Facts>(fingerprint: string): Promise<UnitRecord<Facts> | undefined> {
    let record: UnitRecord<Facts>
    try {
      record = JSON.parse(await readFile(join(cacheDir(this.#root, 'units'), `${fingerprint}.json`), 'utf8')) as UnitRecord<Facts>
    } catch {
      return undefined
    }
    if (record.fingerprint !== fingerprint || !Array.isArray(record.files)) return undefined
    for (const file of record.files) {
      const size = await stat(this.#blob(file.sha256)).then(
        (s) => s.size,
        () => -1,
      )
      if (size !== file.size) return undefined
    }
    return record
  }

  /** A cached file's bytes, checked against its sha256 (undefined when the blob is damaged). */
  async read(file: CachedFile): Promise<Buffer | undefined> {
    const bytes = await readFile(this.#blob(file.sha256)).catch(() => undefined)
    return bytes && sha256(bytes) === file.sha256 ? bytes : undefined
  }

  /**
   * Store one file's bytes by content, before its unit's record: a build stores each file as it writes it, so it
   * need not hold every file of a unit until the unit ends. Returns the file's facts.
   */
  async putBlob(path: string, data: Uint8Array): Promise<CachedFile> {
    const file = { path, size: data.length, sha256: sha256(data) }
    if (!(await this.#hasBlob(file))) await writeFileAtomic(this.#blob(file.sha256), data)
    return file
  }

  /**
   * Store a unit's files (by content; those not in `contents` must have been stored with `putBlob`) and then its
   * record (so a record never names a missing blob).
   */
  async put<Facts>(record: UnitRecord<Facts>, contents: ReadonlyMap<string, Uint8Array> = new Map()): Promise<void> {
    for (const file of record.files) {
      if (await this.#hasBlob(file)) continue
      const bytes = contents.get(file.path)
      if (!bytes) throw new Error(`the cache has no blob of ${file.path} (${file.sha256}): store it with putBlob first`)
      await writeFileAtomic(this.#blob(file.sha256), bytes)
    }
    await writeFileAtomic(join(cacheDir(this.#root, 'units'), `${record.fingerprint}.json`), JSON.stringify(record) + '\n')
  }

  /** Seconds each unit took when last built (by unit name). */
  async timings(): Promise<Record<string, number>> {
    return readTimings(this.#root)
  }

  async recordTimings(timings: Readonly<Record<string, number>>): Promise<void> {
    if (Object.keys(timings).length === 0) return
    const all = { ...(await readTimings(this.#root)), ...timings }
    const sorted = Object.fromEntries(Object.entries(all).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
    await writeFileAtomic(join(this.#root, CACHE_DIR, 'timings.json'), JSON.stringify(sorted, null, 2) + '\n')
  }

  async #hasBlob(file: CachedFile): Promise<boolean> {
    return stat(this.#blob(file.sha256)).then(
      (s) => s.size === file.size,
      () => false,
    )
  }

  #blob(hash: string): string {
    return join(cacheDir(this.#root, 'blobs'), hash.slice(0, 2), hash)
  }
}

/** `.press-cache/timings.json` (empty when missing or unreadable). */
export async function readTimings(root: string): Promise<Record<string, number>> {
  try {
    const value: unknown = JSON.parse(await readFile(join(root, CACHE_DIR, 'timings.json'), 'utf8'))
    if (value === null || typeof value !== 'object') return {}
    return Object.fromEntries(Object.entries(value).filter((e): e is [string, number] => typeof e[1] === 'number' && e[1] >= 0))
  } catch {
    return {}
  }
}
