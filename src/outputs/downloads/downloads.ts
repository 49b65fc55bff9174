/**
 * Distribution, written after every edition is built: dist/<publication>/manifest.json
 * (every edition file that exists in the output: language, format, size, pages,
 * sha256) and dist/index.html, the download page, in every language of the
 * publications (index.html in the first source language, index.<lang>.html for
 * the others, each linking to all).
 */
import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { dirname, join, relative, sep } from 'node:path'
import type { Publication } from '../../project/load.ts'
import { buildDate } from '../../project/build-info.ts'
import { loadUi } from '../../edition/model.ts'
import type { Logger } from '../../util/logger.ts'
import { epubFileName } from '../epub/index.ts'
import { HTML_FILE } from '../html/index.ts'
import { pdfFileName } from '../pdf/index.ts'
import { PARALLEL_DIR, parallelFileName } from '../parallel/index.ts'
import { createLocalizer } from '../../i18n/instance.ts'
import { requireLanguage } from '../../project/languages.ts'
import { pageCount } from '../pdf/postprocess.ts'
import { writeFileAtomic } from '../../util/files.ts'
import { FONTS_CSS, renderDownloadPage, type Listing } from './page.ts'
import { writeFonts } from '../assets.ts'
import { fontSettings } from '../font-registry.ts'

export const MANIFEST_FILE = 'manifest.json'
export const editionFormats = ['html', 'epub', 'pdf', 'parallel'] as const
export type EditionFormat = (typeof editionFormats)[number]

export interface EditionFile {
  language: string
  format: EditionFormat
  /** Path relative to the output folder, with forward slashes. */
  path: string
  size: number
  sha256: string
  /** PDF editions only. */
  pages?: number
  /** Parallel-text PDFs: the language of the left column (`language` is the right one). */
  pairedWith?: string
}

export interface Manifest {
  publication: { id: string; identifier: string; title: string; date: string }
  /** Build date (SOURCE_DATE_EPOCH or the last commit), never "now". */
  built: string
  editions: EditionFile[]
}

const fileNames: Record<Exclude<EditionFormat, 'parallel'>, (publication: string, language: string) => string> = {
  html: () => HTML_FILE,
  epub: epubFileName,
  pdf: pdfFileName,
}

/** `titles`: each publication's title in each of its languages, by publication ID (from the build). */
export async function writeDownloads(
  publications: readonly Publication[],
  titles: ReadonlyMap<string, Record<string, string>>,
  outDir: string,
  logger: Logger,
): Promise<string[]> {
  const written: string[] = []
  const write = async (path: string, data: string): Promise<void> => {
    await writeFileAtomic(path, data)
    written.push(path)
    logger.progress(`wrote ${relative(publications[0]?.root ?? outDir, path)}`)
  }
  const listings: Listing[] = []
  for (const publication of publications) {
    const { config } = publication
    const languages = [config.sourceLanguage, ...config.languages]
    const editions = await collectEditions(publication, languages, outDir)
    if (editions.length === 0) continue
    const manifest: Manifest = {
      publication: { id: config.id, identifier: config.identifier, title: config.title, date: config.date },
      built: buildDate(publication.root).toISOString(),
      editions,
    }
    await write(join(outDir, config.id, MANIFEST_FILE), JSON.stringify(manifest, null, 2) + '\n')
    listings.push({ manifest, titles: titles.get(config.id) ?? { [config.sourceLanguage]: config.title } })
  }
  if (listings.length === 0) return written

  const root = publications[0]!.root
  const languages = [...new Set(publications.flatMap((p) => [p.config.sourceLanguage, ...p.config.languages]))]
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
    const html = renderDownloadPage({ language, dir: requireLanguage(language).dir, localizer, listings, choices })
    pages.push(html)
    await write(join(outDir, indexFile(language, languages)), html)
  }
  const allText = pages.join('\n').replace(/<[^>]*>/g, '')
  const settingsOf = (language: string) =>
    fontSettings(publications.find((p) => [p.config.sourceLanguage, ...p.config.languages].includes(language)) ?? publications[0]!)
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

async function collectEditions(publication: Publication, languages: readonly string[], outDir: string): Promise<EditionFile[]> {
  const editions: EditionFile[] = []
  for (const language of languages) {
    for (const format of editionFormats) {
      const source = publication.config.sourceLanguage
      if (format === 'parallel' && language === source) continue
      const path =
        format === 'parallel'
          ? join(outDir, publication.config.id, PARALLEL_DIR, parallelFileName(source, language))
          : join(outDir, publication.config.id, language, fileNames[format](publication.config.id, language))
      let data: Buffer
      try {
        data = await readFile(path)
      } catch {
        continue
      }
      editions.push({
        language,
        format,
        path: relative(outDir, path).split(sep).join('/'),
        size: data.length,
        sha256: createHash('sha256').update(data).digest('hex'),
        ...(format === 'pdf' || format === 'parallel' ? { pages: await pageCount(path) } : {}),
        ...(format === 'parallel' ? { pairedWith: source } : {}),
      })
    }
  }
  return editions
}

/** The publication's title in each language (from the translation files). */
