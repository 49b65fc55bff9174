/** `press status`: how complete and current each translation is. */
import { languageStatus, percent, type LanguageStatus } from '../i18n/status.ts'
import { PressError } from '../util/problems.ts'
import { resolveIds, type IdentifiedSources } from '../ids/resolve.ts'
import { findPublications, translationPath } from '../project/paths.ts'
import { loadTranslations } from '../i18n/load.ts'
import { targetLanguages, type LanguageOptions } from './languages.ts'
import { listKeys, untranslatedUi, type UntranslatedUi } from '../i18n/ui-strings.ts'
import { join } from 'node:path'
import { uiPath } from '../project/paths.ts'

/** A language's status, with its interface strings still untranslated (ui.json `meta.untranslated`). */
export type LanguageStatusWithUi = LanguageStatus & { ui: UntranslatedUi }

export async function translationStatus(
  options: LanguageOptions,
): Promise<{ publication: string; languages: LanguageStatusWithUi[]; path: (language: string) => string }[]> {
  const out = []
  for (const publication of await findPublications(options.root, options.publication)) {
    const languages = targetLanguages(publication, options.languages)
    // Status only reads: IDs the lock lacks are computed, never written.
    const sources = await resolveIds(publication, { frozen: false, write: false })
    const translations = await loadTranslations(publication, sources, languages)
    if (translations.messages.some((m) => m.fatal)) throw new PressError(translations.messages.filter((m) => m.fatal))
    const blocks = statusBlocks(sources)
    const statuses: LanguageStatusWithUi[] = []
    for (const language of languages) {
      const ui = await untranslatedUi(join(options.root, uiPath(language)), uiPath(language))
      const status = languageStatus(language, translations.files.get(language)?.data, blocks)
      statuses.push({ ...status, complete: status.complete && ui.keys.length === 0, ui })
    }
    out.push({
      publication: publication.config.id,
      languages: statuses,
      path: (language: string) => translationPath(language, publication.config.id),
    })
  }
  return out
}

export function formatStatus(status: LanguageStatusWithUi, path: string): string[] {
  const line = [
    status.language,
    `${percent(status.translated, status.total).padStart(6)} translated`,
    `(${status.translated}/${status.total})`,
    `${status.stale} stale`,
    `${status.missing} missing`,
    `${status.orphans} orphan${status.orphans === 1 ? '' : 's'}`,
    `${status.reviewed} reviewed`,
    `${status.final} final`,
    `${status.openComments} open comment${status.openComments === 1 ? '' : 's'}`,
    ...(status.needsWork > 0 ? [`${status.needsWork} need${status.needsWork === 1 ? 's' : ''} work`] : []),
    path,
  ].join('  ')
  const keys = status.ui.keys
  const missing = `    ${'missing'.padEnd(8)} ${keys.length} interface strings`
  const ui = keys.length > 0 ? [`${missing} (${listKeys(keys.map((k) => k.key))})  ${status.ui.path}:${keys[0]!.line ?? 1}`] : []
  return [line, ...status.work.map((w) => `    ${w.status.padEnd(8)} ${w.id}  ${w.where}`), ...ui]
}

function statusBlocks(sources: IdentifiedSources): { id: string; hash: string; file: string; line: number }[] {
  return sources.blocks.map((block, i) => ({ id: sources.ids[i]!, hash: block.hash, file: block.file, line: block.line }))
}
