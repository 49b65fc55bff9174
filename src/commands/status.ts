/** `press status`: how complete and current each translation is. */
import { languageStatus, percent, type LanguageStatus } from '../i18n/status.ts'
import { PressError } from '../util/problems.ts'
import { resolveIds, type IdentifiedSources } from '../ids/resolve.ts'
import { findPublications, translationPath } from '../project/paths.ts'
import { loadTranslations } from '../i18n/load.ts'
import { targetLanguages, type LanguageOptions } from './languages.ts'

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
  const line = [
    status.language,
    `${percent(status.translated, status.total).padStart(6)} translated`,
    `(${status.translated}/${status.total})`,
    `${status.stale} stale`,
    `${status.missing} missing`,
    `${status.orphans} orphan${status.orphans === 1 ? '' : 's'}`,
    path,
  ].join('  ')
  return [line, ...status.work.map((w) => `    ${w.status.padEnd(8)} ${w.id}  ${w.where}`)]
}

function statusBlocks(sources: IdentifiedSources): { id: string; hash: string; file: string; line: number }[] {
  return sources.blocks.map((block, i) => ({ id: sources.ids[i]!, hash: block.hash, file: block.file, line: block.line }))
}
