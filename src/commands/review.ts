/**
 * `press review <a> <b>`: the review page and the parallel-text PDF of one pair (src/outputs/review/,
 * src/outputs/parallel/), for each publication that has both languages.
 */
import { join, relative } from 'node:path'
import { problem, PressError } from '../util/problems.ts'
import { loadUi, prepareEditions } from '../edition/model.ts'
import { resolveIds } from '../ids/resolve.ts'
import type { Logger } from '../util/logger.ts'
import { findPublications } from '../project/paths.ts'
import { loadTranslations } from '../i18n/load.ts'
import { writeReviewPages } from '../outputs/review/index.ts'
import { writeParallelEditions } from '../outputs/parallel/index.ts'
import { BrowserSession } from '../outputs/pdf/session.ts'
import { checkCoverage, editionTexts } from '../outputs/font-coverage.ts'
import { fontSettings } from '../outputs/font-registry.ts'
import { writeFileAtomic } from '../util/files.ts'
import type { Publication } from '../project/load.ts'
import { buildDate } from '../project/build-info.ts'
import { identityOf } from './build/units.ts'

export interface ReviewPairOptions {
  root: string
  outDir?: string
  publication?: string
  a: string
  b: string
  frozen: boolean
  /** Also write parallel/<a>-<b>.pdf (default true). */
  pdf?: boolean
  /** DevTools endpoints to render the PDF on (`--browser-url`); none: a local Chromium. */
  browserUrls?: string[]
}

/** `press review <a> <b>`: the review page and parallel PDF of one pair, for each publication that has both languages. */
export async function reviewPair(options: ReviewPairOptions, logger: Logger): Promise<string[]> {
  const written: string[] = []
  const session = new BrowserSession({ endpoints: options.browserUrls })
  try {
    for (const publication of await findPublications(options.root, options.publication))
      written.push(...(await reviewPublication(publication, options, session, logger)))
  } finally {
    await session.close()
  }
  return written
}

async function reviewPublication(
  publication: Publication,
  options: ReviewPairOptions,
  session: BrowserSession,
  logger: Logger,
): Promise<string[]> {
  const written: string[] = []
  const { config } = publication
  const all = [config.sourceLanguage, ...config.languages]
  const unknown = [options.a, options.b].filter((code) => !all.includes(code))
  if (unknown.length > 0) {
    throw new PressError(
      problem(`${config.id} has no language ${unknown.join(', ')}.`, {
        file: publication.configPath,
        hint: `Its languages are ${all.join(', ')}.`,
      }),
    )
  }
  // A review only reads: IDs the lock lacks are computed, never written (`press ids` does that).
  const sources = await resolveIds(publication, { frozen: options.frozen, write: false })
  const translations = await loadTranslations(publication, sources, config.languages)
  translations.messages.forEach((m) => logger.problem(m))
  if (translations.messages.some((m) => m.fatal)) throw new PressError(translations.messages.filter((m) => m.fatal))
  const ui = await loadUi(options.root, all)
  const editions = prepareEditions(publication, sources, translations, ui, all)
  const dir = join(options.outDir ?? join(options.root, 'dist'), config.id)
  const fontConfig = fontSettings(publication)
  const paths = await writeReviewPages({
    publication,
    sources,
    translations,
    editions,
    dir,
    pairs: [[options.a, options.b]],
    fontSettings: fontConfig,
  })
  for (const path of paths.filter((p) => p.endsWith('.html'))) logger.progress(`wrote ${relative(options.root, path)}`)
  written.push(...paths)
  if (options.pdf === false) return written
  // Every character of both editions covered by a bundled or configured font: never a silent fallback.
  const pair = editions.filter((e) => e.language === options.a || e.language === options.b)
  const coverage = pair.flatMap((e) => checkCoverage(fontConfig, editionTexts(e, publication.configPath)))
  if (coverage.length > 0) throw new PressError(coverage)
  await writeParallelEditions({
    publication,
    editions,
    pairs: [[options.a, options.b]],
    sourceLanguage: config.sourceLanguage,
    identity: { ...(await identityOf(publication)), date: buildDate(publication.root) },
    fontSettings: fontConfig,
    dir,
    session,
    jobs: 1,
    logger,
    write: async (path, data) => {
      await writeFileAtomic(path, data)
      written.push(path)
      logger.progress(`wrote ${relative(options.root, path)}`)
    },
  })
  return written
}
