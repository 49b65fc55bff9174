/** `press review <a> <b>`: the review page of one pair (src/outputs/review/), for each publication that has both languages. */
import { join, relative } from 'node:path'
import { problem, PressError } from '../util/problems.ts'
import { loadUi, prepareEditions } from '../edition/model.ts'
import { resolveIds } from '../ids/resolve.ts'
import type { Logger } from '../util/logger.ts'
import { findPublications } from '../project/paths.ts'
import { loadTranslations } from '../i18n/load.ts'
import { writeReviewPages } from '../outputs/review/index.ts'

export interface ReviewPairOptions {
  root: string
  outDir?: string
  publication?: string
  a: string
  b: string
  frozen: boolean
}

/** `press review <a> <b>`: the review page of one pair, for each publication that has both languages. */
export async function reviewPair(options: ReviewPairOptions, logger: Logger): Promise<string[]> {
  const written: string[] = []
  for (const publication of await findPublications(options.root, options.publication)) {
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
    const editions = prepareEditions(publication, sources, translations, await loadUi(options.root, all), all)
    const dir = join(options.outDir ?? join(options.root, 'dist'), config.id)
    const paths = await writeReviewPages({ publication, sources, translations, editions, dir, pairs: [[options.a, options.b]] })
    for (const path of paths.filter((p) => p.endsWith('.html'))) logger.progress(`wrote ${relative(options.root, path)}`)
    written.push(...paths)
  }
  return written
}
