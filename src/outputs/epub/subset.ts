/**
 * Font subsetting for the EPUB editions: HarfBuzz (subset-font, WebAssembly)
 * in a bounded pool of worker threads, with a content-addressed cache on disk.
 * A subset is keyed by the sha256 of the font file's bytes, the sorted
 * characters kept and the subset-font version, so a cached subset is the one
 * HarfBuzz would make again (same input, same bytes) and any change of font,
 * text or tool version misses. Cache files are written atomically; a damaged
 * or unreadable one is made again.
 */
import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { availableParallelism } from 'node:os'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import subsetFont from 'subset-font'
import { writeFileAtomic } from '../../util/files.ts'
import { WorkerPool } from '../../util/worker-pool.ts'
import type { SubsetRequest } from './subset-worker.ts'

export interface SubsetterOptions {
  /** Worker threads (default: the number of cores); 1 subsets in this thread. */
  jobs?: number
  /** Folder of cached subsets; none: no cache. */
  cacheDir?: string
}

const subsetFontVersion: string = (() => {
  const meta: unknown = createRequire(import.meta.url)('subset-font/package.json')
  return typeof meta === 'object' && meta !== null && 'version' in meta && typeof meta.version === 'string' ? meta.version : 'unknown'
})()

/** The cache key of one subset: font bytes, characters (sorted, deduplicated), tool version, output format. */
export function subsetKey(font: Uint8Array, glyphs: string): string {
  const characters = [...new Set(glyphs)].sort().join('')
  return createHash('sha256')
    .update(`subset-font ${subsetFontVersion} woff2\0`)
    .update(createHash('sha256').update(font).digest('hex'))
    .update('\0')
    .update(characters)
    .digest('hex')
}

export class FontSubsetter {
  readonly #pool: WorkerPool<SubsetRequest, Uint8Array> | undefined
  readonly #cacheDir: string | undefined
  /** Subsets asked for and how many came from the cache (for the benchmark and tests). */
  readonly stats = { subsets: 0, cached: 0 }

  constructor(options: SubsetterOptions = {}) {
    const jobs = options.jobs ?? availableParallelism()
    this.#pool = jobs > 1 ? new WorkerPool(new URL(`./subset-worker${extension()}`, import.meta.url), jobs) : undefined
    this.#cacheDir = options.cacheDir
  }

  /** `fontPath` subset to `glyphs`, as WOFF2. */
  async subset(fontPath: string, glyphs: string): Promise<Uint8Array> {
    this.stats.subsets++
    const font = new Uint8Array(await readFile(fontPath))
    const file = this.#cacheDir === undefined ? undefined : join(this.#cacheDir, `${subsetKey(font, glyphs)}.woff2`)
    if (file !== undefined) {
      const cached = await readFile(file).catch(() => undefined)
      if (cached !== undefined && isWoff2(cached)) {
        this.stats.cached++
        return new Uint8Array(cached)
      }
    }
    const data = this.#pool ? await this.#pool.run({ font, glyphs }, [font.buffer as ArrayBuffer]) : await subsetInThread(font, glyphs)
    if (file !== undefined) await writeFileAtomic(file, data)
    return data
  }

  async close(): Promise<void> {
    await this.#pool?.close()
  }
}

async function subsetInThread(font: Uint8Array, glyphs: string): Promise<Uint8Array> {
  return new Uint8Array(await subsetFont(Buffer.from(font), glyphs, { targetFormat: 'woff2' }))
}

/** A WOFF2 file starts with "wOF2" (a truncated or foreign file in the cache is not used). */
function isWoff2(data: Uint8Array): boolean {
  return data.length > 48 && data[0] === 0x77 && data[1] === 0x4f && data[2] === 0x46 && data[3] === 0x32
}

/** `.ts` when running from the sources (tsx), `.js` compiled. */
function extension(): string {
  return import.meta.url.endsWith('.ts') ? '.ts' : '.js'
}
