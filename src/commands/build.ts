/**
 * `press build`: every edition of every publication.
 *
 *   config → sources + IDs (lock) → translations + interface strings
 *   → one edition per language (built once) → every output of the registry
 *   (src/outputs/registry.ts) → manifests and download pages
 */
import { readdir, readFile } from 'node:fs/promises'
import { availableParallelism } from 'node:os'
import { join, relative, sep } from 'node:path'
import type { Publication } from '../project/load.ts'
import { problem, PressError } from '../util/problems.ts'
import { removeStaleTemps, writeFileAtomic } from '../util/files.ts'
import { BrowserSession } from '../outputs/pdf/browser.ts'
import { FontSubsetter } from '../outputs/epub/subset.ts'
import { cacheDir } from '../project/cache.ts'
import { fontSettings } from '../outputs/font-registry.ts'
import { checkCoverage, editionTexts } from '../outputs/font-coverage.ts'
import { fileFacts, writeDownloads, type EditionFile, type PublicationResult } from '../outputs/downloads/downloads.ts'
import type { UiFile } from '../i18n/ui-strings.ts'
import type { BuildIdentity } from '../outputs/colophon.ts'
import { ASSETS_DIR, TEMPLATES_DIR, writeAssets } from '../outputs/assets.ts'
import { buildDate, inputsFingerprint } from '../project/build-info.ts'
import { loadUi, prepareEditions, type EditionModel } from '../edition/model.ts'
import { resolveIds, type IdentifiedSources } from '../ids/resolve.ts'
import type { Logger } from '../util/logger.ts'
import { findPublications } from '../project/paths.ts'
import { formats, outputs, type Format } from '../outputs/registry.ts'
import type { OutputContext, WrittenEdition } from '../outputs/output.ts'
import { loadTranslations, type PublicationTranslations } from '../i18n/load.ts'

export { formatHelp, formats, type Format } from '../outputs/registry.ts'

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
  /** Parallel jobs (editions at once, font subsetting threads); default: the number of cores. */
  jobs?: number
  /** Reuse cached font subsets from .press-cache/ (default true; `--no-cache` turns it off). */
  cache?: boolean
  /** `--profile press`: also write the press PDFs. */
  profile?: 'press' | undefined
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
  // What an interrupted build left: temporary files of processes that are gone (a build running beside us keeps its own).
  const stale = await removeStaleTemps(outDir, true)
  if (stale.length > 0)
    logger.info(`Removed ${stale.length} temporary files an interrupted build left in ${relative(options.root, outDir) || outDir}`)
  const session = new BrowserSession() // one browser for the whole build, launched at the first PDF
  const fonts = new FontSubsetter({ jobs: options.jobs, cacheDir: options.cache === false ? undefined : cacheDir(options.root, 'fonts') })
  const results: PublicationResult[] = []
  try {
    for (const publication of publications) {
      const built = await buildPublication(publication, options, outDir, logger, session, fonts)
      files.push(...built.files)
      results.push({ publication, titles: built.titles, editions: built.editions })
    }
  } finally {
    await Promise.all([session.close(), fonts.close()])
  }
  files.push(...(await writeDownloads(results, outDir, logger)))
  return { files, seconds: (performance.now() - started) / 1000 }
}

/** Build one publication's editions; returns the files written, the edition files' facts and its title in each language. */
async function buildPublication(
  publication: Publication,
  options: BuildOptions,
  outDir: string,
  logger: Logger,
  session: BrowserSession,
  fonts: FontSubsetter,
): Promise<{ files: string[]; editions: EditionFile[]; titles: Record<string, string> }> {
  const { config, root } = publication
  const languages = selectLanguages(publication, options.languages)
  const wanted = new Set(options.formats ?? formats)

  // 1. Sources and their paragraph IDs.
  const sources = await resolveIds(publication, { frozen: options.frozen, write: !options.frozen })
  reportIdChanges(sources, logger)
  // 2. Translations and interface strings.
  const allLanguages = [config.sourceLanguage, ...config.languages]
  const translations = await loadTranslations(publication, sources, config.languages)
  translations.messages.forEach((m) => logger.problem(m))
  if (translations.messages.some((m) => m.fatal)) throw new PressError(translations.messages.filter((m) => m.fatal))
  const ui = await loadUi(root, allLanguages)
  // 3. The editions, built once per language.
  const editions = prepareEditions(publication, sources, translations, ui, allLanguages)
  const selected = editions.filter((e) => languages.includes(e.language))
  if (options.strict) failOnMissing(selected, translations)
  for (const edition of selected) for (const message of edition.messages) logger.problem(message)
  // Every character of every edition must be covered by a bundled or configured font: never a silent fallback.
  const fontConfig = fontSettings(publication)
  const coverage = selected.flatMap((e) => checkCoverage(fontConfig, editionTexts(e, publication.configPath)))
  if (coverage.length > 0) throw new PressError(coverage)

  // 4. Every output of the registry that was asked for.
  const dir = join(outDir, config.id)
  const written: string[] = []
  const facts = new Map<string, ReturnType<typeof fileFacts>>()
  const write = async (path: string, data: string | Uint8Array): Promise<void> => {
    await writeFileAtomic(path, data)
    written.push(path)
    facts.set(path, fileFacts(data))
    logger.progress(`wrote ${relative(root, path)}`)
  }
  const context: OutputContext = {
    publication,
    sources,
    translations,
    editions,
    selected,
    pairs: languages.filter((l) => l !== config.sourceLanguage).map((l): [string, string] => [config.sourceLanguage, l]),
    identity: await buildIdentity(publication, sources, translations, ui),
    dir,
    session,
    fonts,
    jobs: options.jobs ?? availableParallelism(),
    press: options.profile === 'press',
    logger,
    write,
  }
  const listed: WrittenEdition[] = []
  let assets = false
  for (const output of outputs.filter((o) => wanted.has(o.format))) {
    // The shared stylesheets and fonts, before the review pages add theirs beside them.
    if (output.name === 'review') assets = await writeSharedAssets()
    listed.push(...(await output.write(context)))
  }
  if (!assets) await writeSharedAssets()

  // 5. The facts the manifest lists, from what the writers returned.
  const editionFiles = listed.map((entry): EditionFile => {
    const { size, sha256 } = facts.get(entry.path)!
    return {
      language: entry.language,
      format: entry.format,
      path: relative(outDir, entry.path).split(sep).join('/'),
      size,
      sha256,
      ...(entry.pages === undefined ? {} : { pages: entry.pages }),
      ...(entry.pairedWith === undefined ? {} : { pairedWith: entry.pairedWith }),
    }
  })
  return { files: written, editions: editionFiles, titles: Object.fromEntries(editions.map((e) => [e.language, e.meta.title])) }

  async function writeSharedAssets(): Promise<true> {
    const texts = editions.flatMap((e) => [
      ...editionTexts(e, publication.configPath),
      { language: e.language, text: Object.values(ui.get(e.language)!.strings).join('\n') },
    ])
    written.push(...(await writeAssets(root, join(dir, ASSETS_DIR), texts, fontConfig)).written)
    return true
  }
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
      `${sources.lockPath}: ${minted} minted, ${edited} re-matched after an edit, ` +
        `${sources.assignment.retired.length} retired (run \`press ids\` for details)`,
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
          hint:
            `Translate it in the ${edition.language} translation file (run \`press sync\` to add missing entries), ` +
            'or build without --strict to fall back to the source.',
          ruleId: 'missing-translation',
        }),
      ),
  )
  if (messages.length > 0) throw new PressError(messages)
}

/**
 * Fingerprints of what a build reads: sources and lock (revision); that plus config, translations,
 * interface strings and templates (build).
 */
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
