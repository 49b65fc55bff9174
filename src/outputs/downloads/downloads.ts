/**
 * Distribution, written after every edition is built: dist/<publication>/manifest.json
 * for each publication built (from the build's results, see manifest.ts) and
 * dist/index.html, the download page, in every language of the publications
 * (index.html in the first source language, index.<lang>.html for the others,
 * each linking to all). The page lists every publication present in the output
 * folder: those built now and those whose manifest.json an earlier build left.
 */
import { access, readdir } from 'node:fs/promises'
import { dirname, join, relative } from 'node:path'
import type { Publication } from '../../project/load.ts'
import { buildDate } from '../../project/build-info.ts'
import { loadUi } from '../../edition/model.ts'
import type { Logger } from '../../util/logger.ts'
import { createLocalizer } from '../../i18n/instance.ts'
import { requireLanguage } from '../../project/languages.ts'
import { uiPath } from '../../project/paths.ts'
import { writeFileAtomic } from '../../util/files.ts'
import { FONTS_CSS, renderDownloadPage, type Listing } from './page.ts'
import { writeFonts } from '../assets.ts'
import { MANIFEST_FILE, mergeEditions, readManifest, type EditionFile, type Manifest } from './manifest.ts'
import { fontSettings } from '../font-registry.ts'

export { MANIFEST_FILE, editionFormats, fileFacts, type EditionFile, type EditionFormat, type Manifest } from './manifest.ts'

/** What the build made of one publication. */
export interface PublicationResult {
  publication: Publication
  /** The publication's title in each of its languages. */
  titles: Record<string, string>
  /** The edition files this build wrote, with their facts. */
  editions: EditionFile[]
  /** `path sha256` of each edition file up to date with the inputs (the cache knows): others an earlier build listed are left out. */
  current?: ReadonlySet<string>
}

export async function writeDownloads(results: readonly PublicationResult[], outDir: string, logger: Logger): Promise<string[]> {
  const written: string[] = []
  const root = results[0]?.publication.root ?? outDir
  const write = async (path: string, data: string): Promise<void> => {
    await writeFileAtomic(path, data)
    written.push(path)
    logger.progress(`wrote ${relative(root, path)}`)
  }
  const listings = new Map<string, Listing>()
  for (const { publication, titles, editions: built, current } of results) {
    const { config } = publication
    const path = join(outDir, config.id, MANIFEST_FILE)
    const editions = await mergeEditions(built, await readManifest(path), outDir, [config.sourceLanguage, ...config.languages], current)
    if (editions.length === 0) continue
    const manifest: Manifest = {
      publication: { id: config.id, identifier: config.identifier, title: config.title, date: config.date },
      built: buildDate(publication.root).toISOString(),
      editions,
      titles,
    }
    await write(path, JSON.stringify(manifest, null, 2) + '\n')
    listings.set(config.id, { manifest, titles })
  }
  for (const manifest of await otherManifests(outDir, new Set(listings.keys()))) {
    listings.set(manifest.publication.id, { manifest, titles: manifest.titles ?? {} })
  }
  if (listings.size === 0) return written

  const sorted = [...listings.values()].sort((a, b) => (a.manifest.publication.id < b.manifest.publication.id ? -1 : 1))
  const declared = results.flatMap(({ publication: p }) => [p.config.sourceLanguage, ...p.config.languages])
  const listed = sorted.flatMap((l) => l.manifest.editions.map((e) => e.language))
  const languages = [...new Set(declared)]
  for (const language of new Set(listed)) if (!languages.includes(language) && (await hasUi(root, language))) languages.push(language)
  const ui = await loadUi(root, languages)
  const uiStrings = Object.fromEntries([...ui].map(([code, file]) => [code, file.strings]))
  const choices = languages.map((code) => ({
    language: code,
    dir: requireLanguage(code).dir,
    name: ui.get(code)!.strings.languageName ?? code,
    href: indexFile(code, languages),
  }))
  const pages: string[] = []
  for (const language of languages) {
    const localizer = createLocalizer({ language, sourceLanguage: languages[0]!, namespace: 'downloads', ui: uiStrings, content: {} })
    const html = renderDownloadPage({ language, dir: requireLanguage(language).dir, localizer, listings: sorted, choices })
    pages.push(html)
    await write(join(outDir, indexFile(language, languages)), html)
  }
  const allText = pages.join('\n').replace(/<[^>]*>/g, '')
  const publications = results.map((r) => r.publication)
  const settings = new Map(publications.map((p) => [p, fontSettings(p)]))
  const settingsOf = (language: string) =>
    settings.get(publications.find((p) => [p.config.sourceLanguage, ...p.config.languages].includes(language)) ?? publications[0]!)!
  const fonts = await writeFonts(
    join(outDir, dirname(FONTS_CSS)),
    languages.map((language) => ({ language, text: allText })), // each page names every language in its own script
    settingsOf,
  )
  written.push(...fonts.written)
  return written
}

/** index.html for the first language, index.<lang>.html for the others. */
export function indexFile(language: string, languages: readonly string[]): string {
  return language === languages[0] ? 'index.html' : `index.${language}.html`
}

/** Valid manifests of the output folder's other publications (earlier builds). */
async function otherManifests(outDir: string, skip: ReadonlySet<string>): Promise<Manifest[]> {
  const folders = await readdir(outDir, { withFileTypes: true }).catch(() => [])
  const found: Manifest[] = []
  for (const folder of folders.filter((f) => f.isDirectory() && !skip.has(f.name))) {
    const manifest = await readManifest(join(outDir, folder.name, MANIFEST_FILE))
    if (manifest && manifest.publication.id === folder.name) found.push(manifest)
  }
  return found
}

async function hasUi(root: string, language: string): Promise<boolean> {
  return access(join(root, uiPath(language))).then(
    () => true,
    () => false,
  )
}
