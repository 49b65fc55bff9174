/** `press export`: one language of a publication as XLIFF 2, XLIFF 1.2, PO or JSON for translation tools. */
import { join } from 'node:path'
import { writeExchange } from '../exchange/formats.ts'
import { buildUnits, type ExchangeFormat } from '../exchange/units.ts'
import { readTranslationFile } from '../i18n/translation-file.ts'
import { resolveIds } from '../ids/resolve.ts'
import { translationPath } from '../project/paths.ts'
import { checkLanguage, headerOf, onePublication } from './exchange-target.ts'

export interface ExportOptions {
  root: string
  publication?: string
  language: string
  format: ExchangeFormat
}

export interface ExportResult {
  text: string
  publication: string
  language: string
  units: number
}

export async function exportTranslation(options: ExportOptions): Promise<ExportResult> {
  const publication = await onePublication(options.root, options.publication)
  checkLanguage(publication, options.language, undefined, undefined)
  const sources = await resolveIds(publication, { frozen: true, write: false })
  const path = translationPath(options.language, publication.config.id)
  const loaded = await readTranslationFile(join(options.root, path), path)
  const header = headerOf(publication, options.language, loaded?.data)
  const units = buildUnits(sources.blocks, sources.ids, loaded?.data)
  return {
    text: writeExchange(options.format, header, units),
    publication: publication.config.id,
    language: options.language,
    units: units.length,
  }
}
