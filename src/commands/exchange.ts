/**
 * Exchange with translation tools, shared by the CLI and the library:
 * export one language of a publication as XLIFF 2, XLIFF 1.2, PO or JSON, and
 * import such a file (or a gettext catalog keyed by source text) back into
 * translations/<lang>/<publication>.json.
 */
import { readFile } from 'node:fs/promises'
import { join, relative, resolve } from 'node:path'
import type { VFileMessage } from 'vfile-message'
import type { Publication } from '../project/load.ts'
import { detectFormat, readExchange, writeExchange } from '../exchange/formats.ts'
import { mergeUnits, type Change } from '../exchange/merge.ts'
import { matchCatalog, type CatalogMatching } from '../exchange/migrate.ts'
import type { PoDocument } from '../exchange/po.ts'
import { buildUnits, type ExchangeFormat, type ExportHeader, type ImportedDocument, type ImportedUnit } from '../exchange/units.ts'
import { readTranslationFile, serializeTranslationFile, type TranslationFile } from '../i18n/translation-file.ts'
import { writeFileAtomic } from '../util/files.ts'
import { problem, PressError } from '../util/problems.ts'
import { resolveIds, type IdentifiedSources } from '../ids/resolve.ts'
import { findPublications, translationPath } from '../project/paths.ts'

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

export interface ImportOptions {
  root: string
  /** The file to import (relative to the working directory or absolute). */
  file: string
  publication?: string
  /** The target language, for files that do not say (a catalog without a Language header). */
  language?: string
  dryRun?: boolean
  force?: boolean
  /** Treat a PO file as a catalog keyed by source text (detected when no message has a msgctxt). */
  migrate?: boolean
}

export interface ImportResult {
  format: ExchangeFormat
  publication: string
  language: string
  /** The translation file, relative to the root. */
  path: string
  changes: Change[]
  warnings: VFileMessage[]
  written: boolean
  /** For a migration: how the catalog matched. */
  migration?: Omit<CatalogMatching, 'units'> & { blocks: number }
}

export async function importTranslation(options: ImportOptions): Promise<ImportResult> {
  const absolute = resolve(options.file)
  const shown = relative(process.cwd(), absolute) || absolute
  let text: string
  try {
    text = await readFile(absolute, 'utf8')
  } catch {
    throw new PressError(problem('Cannot read this file.', { file: shown, hint: 'Check the path.', ruleId: 'unreadable' }))
  }
  const format = detectFormat(text, shown)
  const document = readExchange(format, text, shown)
  const catalog = format === 'po' ? (document as PoDocument).catalog : []
  const migrate = format === 'po' && (options.migrate === true || (document.units.length === 0 && catalog.length > 0))
  if (options.migrate && format !== 'po') throw new PressError(problem('--migrate reads gettext catalogs (.po) only.', { file: shown }))

  const publication = await onePublication(options.root, migrate ? options.publication : (document.publication ?? options.publication))
  const language = document.targetLanguage ?? options.language ?? ''
  checkLanguage(publication, language, shown, document)
  const sources = await resolveIds(publication, { frozen: true, write: false })
  const path = translationPath(language, publication.config.id)
  const loaded = await readTranslationFile(join(options.root, path), path)

  let units: ImportedUnit[] = document.units
  let migration: ImportResult['migration']
  if (migrate) {
    const { units: matched, ...rest } = matchCatalog(catalog, sources.blocks, sources.ids)
    units = matched
    migration = { ...rest, blocks: sources.blocks.length }
  }
  const baseline = baselineOf(format === 'po' || migrate ? 'po' : format, publication, language, sources, loaded?.data)
  const merged = mergeUnits({
    file: shown,
    units,
    baseline,
    blocks: sources.byId,
    order: sources.ids,
    entries: loaded?.data.entries ?? {},
    force: Boolean(options.force),
    migration: migrate,
  })
  let written = false
  if (merged.changes.length > 0 && !options.dryRun) {
    const file: TranslationFile = loaded?.data ?? newTranslationFile(publication, language, shown)
    await writeFileAtomic(join(options.root, path), serializeTranslationFile({ ...file, entries: merged.entries }))
    written = true
  }
  return {
    format: migrate ? 'po' : format,
    publication: publication.config.id,
    language,
    path,
    changes: merged.changes,
    warnings: merged.warnings,
    written,
    ...(migration ? { migration } : {}),
  }
}

/** How the current entries read back after an export in `format`: what "unchanged" means for that format. */
function baselineOf(
  format: ExchangeFormat,
  publication: Publication,
  language: string,
  sources: IdentifiedSources,
  file: TranslationFile | undefined,
): Map<string, ImportedUnit> {
  const exported = writeExchange(format, headerOf(publication, language, file), buildUnits(sources.blocks, sources.ids, file))
  return new Map(readExchange(format, exported, '(export)').units.map((unit) => [unit.id, unit]))
}

function headerOf(publication: Publication, language: string, file: TranslationFile | undefined): ExportHeader {
  const meta = file ? { date: file.meta.date, producedBy: file.meta.producedBy } : {}
  return { publication: publication.config.id, sourceLanguage: publication.config.sourceLanguage, targetLanguage: language, ...meta }
}

async function onePublication(root: string, only: string | undefined): Promise<Publication> {
  const publications = await findPublications(root, only)
  if (publications.length > 1) {
    throw new PressError(
      problem(`There are ${publications.length} publications: say which one.`, {
        file: 'content',
        hint: `Pass --publication ${publications.map((p) => p.config.id).join(' or --publication ')}.`,
      }),
    )
  }
  return publications[0]!
}

function checkLanguage(publication: Publication, language: string, file: string | undefined, document: ImportedDocument | undefined): void {
  const { config, configPath } = publication
  const where = { file: file ?? configPath, place: document?.languagePlace }
  if (document?.sourceLanguage && document.sourceLanguage !== config.sourceLanguage) {
    throw new PressError(
      problem(`This file translates from "${document.sourceLanguage}", but ${config.id} is written in "${config.sourceLanguage}".`, {
        ...where,
        hint: 'Export from this publication again.',
        ruleId: 'wrong-language',
      }),
    )
  }
  if (language === '') {
    throw new PressError(
      problem('This file does not say which language it is in.', {
        ...where,
        hint: 'XLIFF: set trgLang (2.0) or target-language (1.2); PO: add a "Language:" header.',
        ruleId: 'wrong-language',
      }),
    )
  }
  if (!config.languages.includes(language)) {
    throw new PressError(
      problem(`"${language}" is not a translation language of ${config.id}.`, {
        ...where,
        hint: `Its languages are ${config.languages.join(', ')} (see ${configPath}).`,
        ruleId: 'wrong-language',
      }),
    )
  }
}

function newTranslationFile(publication: Publication, language: string, from: string): TranslationFile {
  const epoch = process.env.SOURCE_DATE_EPOCH
  const date = (epoch ? new Date(Number(epoch) * 1000) : new Date()).toISOString().slice(0, 10)
  return {
    meta: {
      language,
      publication: publication.config.id,
      producedBy: `Imported from ${from.split(/[\\/]/).pop()}`,
      review: 'unreviewed',
      date,
    },
    publication: {},
    entries: {},
    orphans: {},
  }
}
