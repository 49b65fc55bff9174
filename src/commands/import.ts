/**
 * `press import`: an XLIFF, PO or JSON file from a translation tool (or a gettext
 * catalog keyed by source text) back into translations/<lang>/<publication>.json.
 */
import { readFile } from 'node:fs/promises'
import { dirname, join, relative, resolve } from 'node:path'
import { decodeText } from '../util/read-text.ts'
import type { VFileMessage } from 'vfile-message'
import type { Publication } from '../project/load.ts'
import { detectFormat, exchangeCodec, readExchange } from '../exchange/formats.ts'
import { mergeUnits, type Change } from '../exchange/merge.ts'
import { matchCatalog, type CatalogMatching } from '../exchange/migrate.ts'
import type { PoDocument } from '../exchange/po.ts'
import { buildUnits, type ExchangeFormat, type ImportedUnit } from '../exchange/units.ts'
import { readTranslationFile, serializeTranslationFile, type TranslationFile } from '../i18n/translation-file.ts'
import { removeStaleTemps, writeFileAtomic } from '../util/files.ts'
import { lockFile } from '../util/lock.ts'
import { problem, PressError } from '../util/problems.ts'
import { resolveIds, type IdentifiedSources } from '../ids/resolve.ts'
import { translationPath } from '../project/paths.ts'
import { checkLanguage, checkRequestedLanguage, headerOf, onePublication } from './exchange-target.ts'

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
  /** All or nothing: any refused unit refuses the whole file (by default each unit is applied or refused on its own). */
  atomic?: boolean
}

export interface ImportResult {
  format: ExchangeFormat
  publication: string
  language: string
  /** The translation file, relative to the root. */
  path: string
  /** The units applied (or, with --dry-run, that would be). */
  changes: Change[]
  /** The units refused, with their positions in the imported file; their entries were left alone. */
  refused: VFileMessage[]
  warnings: VFileMessage[]
  written: boolean
  /** For a migration: how the catalog matched. */
  migration?: Omit<CatalogMatching, 'units'> & { blocks: number }
}

export async function importTranslation(options: ImportOptions): Promise<ImportResult> {
  const absolute = resolve(options.file)
  const shown = relative(process.cwd(), absolute) || absolute
  let bytes: Buffer
  try {
    bytes = await readFile(absolute)
  } catch {
    throw new PressError(problem('Cannot read this file.', { file: shown, hint: 'Check the path.', ruleId: 'unreadable' }))
  }
  const text = decodeText(bytes, shown, 'import')
  const format = detectFormat(text, shown)
  const document = await readExchange(format, text, shown)
  const catalog = format === 'po' ? (document as PoDocument).catalog : []
  const migrate = format === 'po' && (options.migrate === true || (document.units.length === 0 && catalog.length > 0))
  if (options.migrate && format !== 'po') throw new PressError(problem('--migrate reads gettext catalogs (.po) only.', { file: shown }))

  const publication = await onePublication(options.root, migrate ? options.publication : (document.publication ?? options.publication))
  checkRequestedLanguage(options.language, document, shown)
  const language = document.targetLanguage ?? options.language ?? ''
  checkLanguage(publication, language, shown, document)
  const sources = await resolveIds(publication, { frozen: true, write: false })
  const path = translationPath(language, publication.config.id)
  // Read, merge and write while holding the file's lock: a concurrent import or sync waits, no update is lost.
  const unlock = await lockFile(join(options.root, path))
  try {
    const loaded = await readTranslationFile(options.root, path)

    let units: ImportedUnit[] = document.units
    let migration: ImportResult['migration']
    if (migrate) {
      const { units: matched, ...rest } = matchCatalog(catalog, sources.blocks, sources.ids)
      units = matched
      migration = { ...rest, blocks: sources.blocks.length }
    }
    const baseline = await baselineOf(format === 'po' || migrate ? 'po' : format, publication, language, sources, loaded?.data)
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
    if (options.atomic && merged.refused.length > 0) throw new PressError(merged.refused)
    let written = false
    if (merged.changes.length > 0 && !options.dryRun) {
      const file: TranslationFile = loaded?.data ?? newTranslationFile(publication, language, shown)
      await removeStaleTemps(dirname(join(options.root, path)))
      await writeFileAtomic(join(options.root, path), serializeTranslationFile({ ...file, entries: merged.entries }), {
        root: options.root,
      })
      written = true
    }
    return {
      format: migrate ? 'po' : format,
      publication: publication.config.id,
      language,
      path,
      changes: merged.changes,
      refused: merged.refused,
      warnings: merged.warnings,
      written,
      ...(migration ? { migration } : {}),
    }
  } finally {
    await unlock()
  }
}

/** How the current entries read back after an export in `format`: what "unchanged" means for that format. */
async function baselineOf(
  format: ExchangeFormat,
  publication: Publication,
  language: string,
  sources: IdentifiedSources,
  file: TranslationFile | undefined,
): Promise<Map<string, ImportedUnit>> {
  const codec = await exchangeCodec(format)
  const exported = codec.write(headerOf(publication, language, file), await buildUnits(sources.blocks, sources.ids, file))
  return new Map(codec.read(exported, '(export)').units.map((unit) => [unit.id, unit]))
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
