/**
 * `press export`: one language of a publication as XLIFF 2, XLIFF 1.2, PO or JSON for translation tools,
 * or as a plain i18next resource for websites (export only).
 */
import { join } from 'node:path'
import { writeExchange } from '../exchange/formats.ts'
import { writeI18next } from '../exchange/i18next.ts'
import { buildUnits, type ExchangeFormat } from '../exchange/units.ts'
import { readTranslationFile } from '../i18n/translation-file.ts'
import { resolveIds } from '../ids/resolve.ts'
import { translationPath } from '../project/paths.ts'
import { checkLanguage, headerOf, onePublication } from './exchange-target.ts'

export interface ExportOptions {
  root: string
  publication?: string
  language: string
  format: ExchangeFormat | 'i18next'
  /** i18next only: nest the resource under the publication's namespace. */
  namespace?: boolean
}

export interface ExportResult {
  text: string
  publication: string
  language: string
  units: number
  /** i18next only: IDs whose text has i18next syntax, to be read with `skipInterpolation`. */
  templated?: string[]
}

export async function exportTranslation(options: ExportOptions): Promise<ExportResult> {
  const publication = await onePublication(options.root, options.publication)
  checkLanguage(publication, options.language, undefined, undefined)
  const sources = await resolveIds(publication, { frozen: true, write: false })
  const path = translationPath(options.language, publication.config.id)
  const loaded = await readTranslationFile(join(options.root, path), path)
  const header = headerOf(publication, options.language, loaded?.data)
  const units = buildUnits(sources.blocks, sources.ids, loaded?.data)
  if (options.format === 'i18next') {
    const resource = writeI18next(units, options.namespace ? publication.config.id : undefined)
    return {
      text: resource.text,
      publication: publication.config.id,
      language: options.language,
      units: resource.count,
      templated: resource.templated,
    }
  }
  return {
    text: writeExchange(options.format, header, units),
    publication: publication.config.id,
    language: options.language,
    units: units.length,
  }
}
