/**
 * `press build`: every edition of every publication.
 *
 *   config → sources + IDs (lock) → translations + interface strings
 *   → one model per language → HTML (and the other formats) → assets
 */
import { readdir, readFile } from 'node:fs/promises'
import { join, relative } from 'node:path'
import type { Publication } from '../project/load.ts'
import { problem, PressError } from '../util/problems.ts'
import { writeFileAtomic } from '../util/files.ts'
import { renderHtmlEdition, HTML_FILE } from '../outputs/html/index.ts'
import { writePdfEditions } from '../outputs/pdf/index.ts'
import { writeParallelEditions } from '../outputs/parallel/index.ts'
import { BrowserSession } from '../outputs/pdf/browser.ts'
import { writeDownloads } from '../outputs/downloads/downloads.ts'
import { epubFileName, renderEpubEdition } from '../outputs/epub/index.ts'
import type { UiFile } from '../i18n/ui-strings.ts'
import type { BuildIdentity } from '../outputs/colophon.ts'
import { ASSETS_DIR, TEMPLATES_DIR, writeAssets } from '../outputs/assets.ts'
import { buildDate, inputsFingerprint } from '../project/build-info.ts'
import { loadUi, prepareEditions, type EditionModel } from '../edition/model.ts'
import { resolveIds, type IdentifiedSources } from '../ids/resolve.ts'
import type { Logger } from '../util/logger.ts'
import { findPublications } from '../project/paths.ts'
import { writeReviewPages } from './review.ts'
import { fontSettings } from '../outputs/font-registry.ts'
import { checkCoverage, editionTexts } from '../outputs/font-coverage.ts'
import { loadTranslations, type PublicationTranslations } from '../i18n/load.ts'

export const formats = ['html', 'epub', 'pdf'] as const
export type Format = (typeof formats)[number]

export interface BuildOptions {
  root: string
  /** Output folder (default dist/ under the root). */
  outDir?: string
  publication?: string
  /** Languages to build (default: all of each publication). */
  languages?: string[]
  formats?: Format[]
  /** Refuse to mint paragraph IDs. */
  frozen: boolean
  /** Fail when a block has no translation instead of falling back. */
  strict: boolean
}

export interface BuildResult {
  files: string[]
  seconds: number
}

export async function build(options: BuildOptions, logger: Logger): Promise<BuildResult> {
  const started = performance.now()
  const outDir = options.outDir ?? join(options.root, 'dist')
  const files: string[] = []
  const publications = await findPublications(options.root, options.publication)
  const session = new BrowserSession() // one browser for the whole build, launched at the first PDF
  const titles = new Map<string, Record<string, string>>()
  try {
    for (const publication of publications) {
      const built = await buildPublication(publication, options, outDir, logger, session)
      files.push(...built.files)
      titles.set(publication.config.id, built.titles)
    }
  } finally {
    await session.close()
  }
  files.push(...(await writeDownloads(publications, titles, outDir, logger)))
  return { files, seconds: (performance.now() - started) / 1000 }
}

/** Build one publication's editions; returns the files written and its title in each language. */
async function buildPublication(
  publication: Publication,
  options: BuildOptions,
  outDir: string,
  logger: Logger,
  session: BrowserSession,
): Promise<{ files: string[]; titles: Record<string, string> }> {
  const { config, root } = publication
  const languages = selectLanguages(publication, options.languages)
  const wanted = new Set(options.formats ?? formats)

  const sources = await resolveIds(publication, { frozen: options.frozen, write: !options.frozen })
  reportIdChanges(sources, logger)
  const allLanguages = [config.sourceLanguage, ...config.languages]
  const translations = await loadTranslations(publication, sources, config.languages)
  translations.messages.forEach((m) => logger.problem(m))
  if (translations.messages.some((m) => m.fatal)) throw new PressError(translations.messages.filter((m) => m.fatal))
  const ui = await loadUi(root, allLanguages)
  const editions = prepareEditions(publication, sources, translations, ui, allLanguages)
  if (options.strict)
    failOnMissing(
      editions.filter((e) => languages.includes(e.language)),
      translations,
    )

  const fonts = fontSettings(publication)
  const coverage = editions
    .filter((e) => languages.includes(e.language))
    .flatMap((e) => checkCoverage(fonts, editionTexts(e, publication.configPath)))
  if (coverage.length > 0) throw new PressError(coverage)

  const identity = await buildIdentity(publication, sources, translations, ui)
  const blockIds = new Set(sources.ids)
  const dir = join(outDir, config.id)
  const written: string[] = []
  const write = async (path: string, data: string | Uint8Array): Promise<void> => {
    await writeFileAtomic(path, data)
    written.push(path)
    logger.progress(`wrote ${relative(root, path)}`)
  }

  for (const edition of editions.filter((e) => languages.includes(e.language))) {
    for (const message of edition.messages) logger.problem(message)
    if (wanted.has('html')) {
      await write(join(dir, edition.language, HTML_FILE), renderHtmlEdition(edition, editions, config.sourceLanguage, identity, blockIds))
    }
    if (wanted.has('epub')) {
      const epub = await renderEpubEdition({ edition, config, sourceLanguage: config.sourceLanguage, identity, root, fonts })
      await write(join(dir, edition.language, epubFileName(config.id, edition.language)), epub)
    }
  }
  if (wanted.has('pdf')) {
    const selected = editions.filter((e) => languages.includes(e.language))
    await writePdfEditions({
      publication,
      editions: selected,
      sourceLanguage: config.sourceLanguage,
      identity,
      blockIds,
      dir,
      session,
      logger,
      write,
    })
    const pairs = languages.filter((l) => l !== config.sourceLanguage).map((l): [string, string] => [config.sourceLanguage, l])
    await writeParallelEditions({
      publication,
      editions,
      pairs,
      sourceLanguage: config.sourceLanguage,
      identity,
      blockIds,
      dir,
      session,
      logger,
      write,
    })
  }
  const assetTexts = editions.flatMap((e) => [
    ...editionTexts(e, publication.configPath),
    { language: e.language, text: Object.values(ui.get(e.language)!.strings).join('\n') },
  ])
  const assets = await writeAssets(root, join(dir, ASSETS_DIR), assetTexts, fonts)
  written.push(...assets.written)
  if (wanted.has('html')) {
    const pairs = languages.filter((l) => l !== config.sourceLanguage).map((l): [string, string] => [config.sourceLanguage, l])
    written.push(...(await writeReviewPages({ publication, sources, translations, editions, dir, pairs })))
  }
  return { files: written, titles: Object.fromEntries(editions.map((e) => [e.language, e.meta.title])) }
}

function selectLanguages(publication: Publication, requested: string[] | undefined): string[] {
  const all = [publication.config.sourceLanguage, ...publication.config.languages]
  if (!requested || requested.length === 0) return all
  const unknown = requested.filter((code) => !all.includes(code))
  if (unknown.length > 0) {
    throw new PressError(
      problem(`${publication.config.id} has no language ${unknown.map((c) => `"${c}"`).join(', ')}.`, {
        file: publication.configPath,
        hint: `Its languages are ${all.join(', ')}. Add a language to \`languages\` in publication.yaml first.`,
      }),
    )
  }
  return requested
}

function reportIdChanges(sources: IdentifiedSources, logger: Logger): void {
  const minted = sources.assignment.changes.filter((c) => c.how === 'minted').length
  const edited = sources.assignment.changes.filter((c) => c.how === 'edited' || c.how === 'rewritten').length
  if (minted + edited + sources.assignment.retired.length > 0) {
    logger.info(
      `${sources.lockPath}: ${minted} minted, ${edited} re-matched after an edit, ${sources.assignment.retired.length} retired (run \`press ids\` for details)`,
    )
  }
}

function failOnMissing(editions: EditionModel[], translations: PublicationTranslations): void {
  const messages = editions.flatMap((edition) =>
    edition.blocks
      .filter((b) => b.status === 'fallback')
      .map((b) =>
        problem(`${b.id} has no ${edition.language} translation (--strict).`, {
          file: translations.files.get(edition.language)?.path ?? b.block.file,
          place: translations.files.get(edition.language)?.positions.keyPlaceOf(['entries', b.id]) ?? {
            line: b.block.line,
            column: b.block.column,
          },
          hint: `Translate it in the ${edition.language} translation file (run \`press sync\` to add missing entries), or build without --strict to fall back to the source.`,
          ruleId: 'missing-translation',
        }),
      ),
  )
  if (messages.length > 0) throw new PressError(messages)
}

/** Fingerprints of what a build reads: sources and lock (revision); that plus config, translations, interface strings and templates (build). */
async function buildIdentity(
  publication: Publication,
  sources: IdentifiedSources,
  translations: PublicationTranslations,
  ui: Map<string, UiFile>,
): Promise<BuildIdentity> {
  const revision = inputsFingerprint([...sources.files.map((f) => f.text), JSON.stringify(sources.assignment.lock)])
  const templateDir = join(publication.root, TEMPLATES_DIR)
  const templates = await Promise.all((await readdir(templateDir)).sort().map((name) => readFile(join(templateDir, name), 'utf8')))
  const build = inputsFingerprint([
    revision,
    JSON.stringify(publication.config),
    ...[...translations.files.values()].map((f) => f.raw),
    JSON.stringify([...ui].map(([language, file]) => [language, file.strings])),
    ...templates,
  ])
  return { build, revision, date: buildDate(publication.root) }
}
