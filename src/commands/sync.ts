/** `press sync`: bring translation files in line with the current source. */
import { dirname, join } from 'node:path'
import type { Publication } from '../project/load.ts'
import { syncTranslation, type SyncResult } from '../i18n/sync.ts'
import { serializeTranslationFile, type TranslationFile } from '../i18n/translation-file.ts'
import { translationFileSchema } from '../i18n/translation-schema.ts'
import { removeStaleTemps, writeFileAtomic } from '../util/files.ts'
import { withFileLocks } from '../util/lock.ts'
import { PressError } from '../util/problems.ts'
import { resolveIds, type IdentifiedSources } from '../ids/resolve.ts'
import type { Logger } from '../util/logger.ts'
import { findPublications, translationPath } from '../project/paths.ts'
import { loadTranslations } from '../i18n/load.ts'
import { targetLanguages, type LanguageOptions } from './languages.ts'

export interface SyncReport extends SyncResult {
  publication: string
  language: string
  path: string
  written: boolean
}

export interface SyncOptions extends LanguageOptions {
  /** Say what would change in each file; write nothing (neither translations nor the lock). */
  dryRun?: boolean
}

export async function syncTranslations(options: SyncOptions, logger: Logger): Promise<SyncReport[]> {
  const reports: SyncReport[] = []
  for (const publication of await findPublications(options.root, options.publication)) {
    const languages = targetLanguages(publication, options.languages)
    const sources = await resolveIds(publication, { frozen: options.frozen, write: !options.frozen && options.dryRun !== true })
    // Read, sync and write every file while holding its lock: a concurrent sync or import waits, nothing is lost.
    const files = languages.map((language) => join(options.root, translationPath(language, publication.config.id)))
    reports.push(...(await withFileLocks(files, () => syncLocked(options, publication, languages, sources, logger))))
  }
  return reports
}

async function syncLocked(
  options: SyncOptions,
  publication: Publication,
  languages: string[],
  sources: IdentifiedSources,
  logger: Logger,
): Promise<SyncReport[]> {
  const reports: SyncReport[] = []
  const translations = await loadTranslations(publication, sources, languages)
  translations.messages.filter((m) => m.ruleId !== 'unknown-id').forEach((m) => logger.problem(m))
  if (translations.messages.some((m) => m.fatal)) throw new PressError(translations.messages.filter((m) => m.fatal))
  const blocks = sources.blocks.map((block, i) => ({ id: sources.ids[i]!, hash: block.hash, text: block.text }))
  for (const language of languages) {
    const path = translationPath(language, publication.config.id)
    const loaded = translations.files.get(language)
    const raw = loaded?.raw ?? serializeTranslationFile(skeleton(language, publication))
    const data = loaded?.data ?? translationFileSchema.parse(JSON.parse(raw))
    const result = syncTranslation(raw, data, blocks)
    const differs = result.text !== loaded?.raw
    const written = differs && options.dryRun !== true
    if (written) {
      // Never write what we could not read back.
      translationFileSchema.parse(JSON.parse(result.text))
      await removeStaleTemps(dirname(join(options.root, path)))
      await writeFileAtomic(join(options.root, path), result.text, { root: options.root })
    }
    describe(path, result, differs, options.dryRun === true, logger)
    reports.push({ ...result, publication: publication.config.id, language, path, written })
  }
  return reports
}

function skeleton(language: string, publication: Publication): TranslationFile {
  return {
    meta: {
      language,
      publication: publication.config.id,
      producedBy: 'not yet translated',
      review: 'unreviewed',
      date: new Date().toISOString().slice(0, 10),
    },
    publication: {},
    entries: {},
    orphans: {},
  }
}

function describe(path: string, r: SyncResult, differs: boolean, dryRun: boolean, logger: Logger): void {
  const parts = [
    `${r.added.length} added as missing`,
    `${r.staled.length} marked stale`,
    `${r.confirmed.length} confirmed`,
    `${r.orphaned.length} kept as orphans`,
    `${r.restored.length} restored`,
  ]
  const tail = !differs ? ' (unchanged)' : dryRun ? ' (dry run: not written)' : ''
  logger.info(`${path}: ${dryRun && differs ? 'would have ' : ''}${parts.join(', ')}${tail}`)
  for (const id of r.staled) logger.info(`  stale     ${id}`)
  for (const id of r.added) logger.info(`  missing   ${id}`)
  for (const id of r.orphaned) logger.info(`  orphan    ${id}`)
  for (const id of r.restored) logger.info(`  restored  ${id}${r.staled.includes(id) ? ' (stale: its source changed)' : ''}`)
  for (const id of r.confirmed) logger.info(`  confirmed ${id}`)
}
