/** `press sync` and `press status`: translation files against the current source. */
import { join } from 'node:path'
import type { Publication } from '../project/load.ts'
import { languageStatus, percent, type LanguageStatus } from '../i18n/status.ts'
import { syncTranslation, type SyncResult } from '../i18n/sync.ts'
import { serializeTranslationFile, translationFileSchema, type TranslationFile } from '../i18n/translation-file.ts'
import { writeFileAtomic } from '../util/files.ts'
import { problem, PressError } from '../util/problems.ts'
import { resolveIds, type IdentifiedSources } from '../ids/resolve.ts'
import type { Logger } from '../util/logger.ts'
import { findPublications, translationPath } from '../project/paths.ts'
import { loadTranslations } from '../i18n/load.ts'

export interface LanguageOptions {
  root: string
  publication?: string
  languages?: string[]
  /** Refuse to mint IDs (CI). */
  frozen: boolean
}

export interface SyncReport extends SyncResult {
  publication: string
  language: string
  path: string
  written: boolean
}

export async function syncTranslations(options: LanguageOptions, logger: Logger): Promise<SyncReport[]> {
  const reports: SyncReport[] = []
  for (const publication of await findPublications(options.root, options.publication)) {
    const languages = targetLanguages(publication, options.languages)
    const sources = await resolveIds(publication, { frozen: options.frozen, write: !options.frozen })
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
      const written = result.text !== loaded?.raw
      if (written) {
        // Never write what we could not read back.
        translationFileSchema.parse(JSON.parse(result.text))
        await writeFileAtomic(join(options.root, path), result.text)
      }
      describe(path, result, written, logger)
      reports.push({ ...result, publication: publication.config.id, language, path, written })
    }
  }
  return reports
}

export async function translationStatus(
  options: LanguageOptions,
): Promise<{ publication: string; languages: LanguageStatus[]; path: (language: string) => string }[]> {
  const out = []
  for (const publication of await findPublications(options.root, options.publication)) {
    const languages = targetLanguages(publication, options.languages)
    // Status only reads: IDs the lock lacks are computed, never written.
    const sources = await resolveIds(publication, { frozen: false, write: false })
    const translations = await loadTranslations(publication, sources, languages)
    if (translations.messages.some((m) => m.fatal)) throw new PressError(translations.messages.filter((m) => m.fatal))
    const blocks = statusBlocks(sources)
    out.push({
      publication: publication.config.id,
      languages: languages.map((language) => languageStatus(language, translations.files.get(language)?.data, blocks)),
      path: (language: string) => translationPath(language, publication.config.id),
    })
  }
  return out
}

export function formatStatus(status: LanguageStatus, path: string): string[] {
  const line = `${status.language}  ${percent(status.translated, status.total).padStart(6)} translated  (${status.translated}/${status.total})  ${status.stale} stale  ${status.missing} missing  ${status.orphans} orphan${status.orphans === 1 ? '' : 's'}  ${path}`
  return [line, ...status.work.map((w) => `    ${w.status.padEnd(8)} ${w.id}  ${w.where}`)]
}

function statusBlocks(sources: IdentifiedSources): { id: string; hash: string; file: string; line: number }[] {
  return sources.blocks.map((block, i) => ({ id: sources.ids[i]!, hash: block.hash, file: block.file, line: block.line }))
}

function targetLanguages(publication: Publication, requested: string[] | undefined): string[] {
  const targets = publication.config.languages
  if (!requested || requested.length === 0) return targets
  const unknown = requested.filter((code) => !targets.includes(code))
  if (unknown.length > 0) {
    throw new PressError(
      problem(`${publication.config.id} has no target language ${unknown.map((c) => `"${c}"`).join(', ')}.`, {
        file: publication.configPath,
        hint: `Its target languages are ${targets.join(', ')}; add a language to \`languages\` in publication.yaml first.`,
      }),
    )
  }
  return requested
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

function describe(path: string, r: SyncResult, written: boolean, logger: Logger): void {
  const parts = [
    `${r.added.length} added as missing`,
    `${r.staled.length} marked stale`,
    `${r.confirmed.length} confirmed`,
    `${r.orphaned.length} kept as orphans`,
    `${r.restored.length} restored`,
  ]
  logger.info(`${path}: ${parts.join(', ')}${written ? '' : ' (unchanged)'}`)
  for (const id of r.staled) logger.info(`  stale     ${id}`)
  for (const id of r.added) logger.info(`  missing   ${id}`)
  for (const id of r.orphaned) logger.info(`  orphan    ${id}`)
}
