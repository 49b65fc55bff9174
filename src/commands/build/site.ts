/**
 * The download pages and manifests (src/outputs/downloads/), written after every publication, as one more
 * cached step: its fingerprint is what they read (what the build made, the manifests already in the output
 * folder and the sizes of the files they list, every ui.json, the fonts, the configs, the tool, the date). When
 * it is cached and the output folder still holds those files, nothing is loaded or written; when it is
 * cached but a file is gone, the file is restored; otherwise the pages are rendered and cached.
 */
import { readdir, readFile, stat } from 'node:fs/promises'
import { join, relative, sep } from 'node:path'
import type { Logger } from '../../util/logger.ts'
import { sha256, type CachedFile, type UnitCache } from '../../project/cache.ts'
import { inputsFingerprint, buildDate } from '../../project/build-info.ts'
import { PublicationInputs, toolFingerprint } from '../../project/inputs.ts'
import { MANIFEST_FILE } from '../../outputs/downloads/manifest.ts'
import type { PublicationResult } from '../../outputs/downloads/downloads.ts'
import { TRANSLATIONS_DIR } from '../../project/folders.ts'
import { restore, type UnitFacts } from './restore.ts'

/** Absolute paths written, and those the output folder already held byte for byte. */
export interface SiteFiles {
  written: string[]
  unchanged: string[]
}

export async function writeSite(
  results: readonly PublicationResult[],
  outDir: string,
  cache: UnitCache | undefined,
  logger: Logger,
): Promise<SiteFiles> {
  const render = async (): Promise<string[]> => {
    const { writeDownloads } = await import('../../outputs/downloads/downloads.ts')
    return writeDownloads(results, outDir, logger)
  }
  const root = results[0]?.publication.root
  if (!cache || !root) return { written: await render(), unchanged: [] }
  const before = await siteFingerprint(results, outDir, root)
  const record = await cache.get<UnitFacts>(before)
  if (record) {
    const files: SiteFiles = { written: [], unchanged: [] }
    const site = {
      name: 'downloads',
      publication: results[0]!.publication,
      output: undefined,
      languages: [],
      order: 0,
      fingerprint: before,
      blocks: 0,
    }
    const restored = await restore(site, record, { outDir, cache, logger }, files)
    if (restored.reused) return files
  }
  const written = await render()
  const contents = new Map<string, Uint8Array>()
  const files: CachedFile[] = []
  for (const path of [...new Set(written)]) {
    const bytes = await readFile(path)
    const rel = relative(outDir, path).split(sep).join('/')
    contents.set(rel, bytes)
    files.push({ path: rel, size: bytes.length, sha256: sha256(bytes) })
  }
  // Cached under the fingerprint of the folder as it is now (its manifests as just written): merging what was
  // built with these manifests gives them back, so the next build with the same inputs finds it.
  const fingerprint = await siteFingerprint(results, outDir, root)
  await cache.put({ unit: 'downloads', fingerprint, seconds: 0, files, facts: { editions: [] } satisfies UnitFacts }, contents)
  return { written, unchanged: [] }
}

/** What the download pages and manifests read, from bytes and sizes (nothing parsed but the manifests' JSON). */
async function siteFingerprint(results: readonly PublicationResult[], outDir: string, root: string): Promise<string> {
  const parts = ['downloads 1', `tool ${await toolFingerprint()}`]
  for (const { publication, titles, editions, current } of results) {
    const inputs = new PublicationInputs(publication)
    parts.push(
      `publication ${JSON.stringify(publication.config)}`,
      `date ${buildDate(publication.root).toISOString()}`,
      `titles ${JSON.stringify(titles)}`,
      `editions ${JSON.stringify(editions)}`,
      `current ${current ? JSON.stringify([...current].sort()) : '-'}`,
      `fonts ${(await inputs.fonts()).join(' ')}`,
    )
  }
  // Every language with a ui.json can be listed (an earlier build's editions); the manifests already there are
  // merged with what was built, keeping the editions whose files are still there with their size.
  const languages = (await readdir(join(root, TRANSLATIONS_DIR)).catch(() => [])).sort()
  for (const language of languages) parts.push(`ui ${language} ${await fileHash(join(root, TRANSLATIONS_DIR, language, 'ui.json'))}`)
  const folders = (await readdir(outDir, { withFileTypes: true }).catch(() => [])).filter((f) => f.isDirectory()).map((f) => f.name)
  for (const folder of folders.sort()) {
    const text = await readFile(join(outDir, folder, MANIFEST_FILE), 'utf8').catch(() => undefined)
    if (text === undefined) continue
    parts.push(`manifest ${folder} ${sha256(text)}`)
    for (const path of listedPaths(text)) {
      const size = await stat(join(outDir, path)).then(
        (s) => s.size,
        () => -1,
      )
      parts.push(`listed ${path} ${size}`)
    }
  }
  return inputsFingerprint(parts)
}

/** The `path` of each edition a manifest lists (none when it is not a manifest: the pages then say so anyway). */
function listedPaths(text: string): string[] {
  try {
    const editions = (JSON.parse(text) as { editions?: unknown }).editions
    if (!Array.isArray(editions)) return []
    return editions.flatMap((e: unknown) =>
      e !== null && typeof e === 'object' && typeof (e as { path?: unknown }).path === 'string' ? [(e as { path: string }).path] : [],
    )
  } catch {
    return []
  }
}

async function fileHash(path: string): Promise<string> {
  return readFile(path).then(sha256, () => 'missing')
}
