/**
 * `press export`: one language of a publication as XLIFF 2, XLIFF 1.2, PO or JSON for translation tools,
 * or as a plain i18next resource for websites (export only).
 */
import { readFile, realpath, stat } from 'node:fs/promises'
import { basename, dirname, isAbsolute, join, relative } from 'node:path'
import { detectFormat, readExchange, writeExchange } from '../exchange/formats.ts'
import { writeI18next } from '../exchange/i18next.ts'
import { buildUnits, type ExchangeFormat } from '../exchange/units.ts'
import { readTranslationFile } from '../i18n/translation-file.ts'
import { resolveIds } from '../ids/resolve.ts'
import { CONTENT_DIR, TRANSLATIONS_DIR, translationPath } from '../project/paths.ts'
import { shownPath } from '../util/fs-errors.ts'
import { problem, PressError } from '../util/problems.ts'
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
  const loaded = await readTranslationFile(options.root, path)
  const header = headerOf(publication, options.language, loaded?.data)
  const units = await buildUnits(sources.blocks, sources.ids, loaded?.data)
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
    text: await writeExchange(options.format, header, units),
    publication: publication.config.id,
    language: options.language,
    units: units.length,
  }
}

export interface ExportTarget {
  root: string
  /** The --out file, absolute. */
  out: string
  format: ExchangeFormat | 'i18next'
  publication: string
  /** Replace an existing file that is not an earlier export. */
  force?: boolean
}

/**
 * Where `press export --out` may write: never under translations/ or content/
 * (the translators' and authors' work, even with --force, even through a link);
 * over an existing file only when it is an earlier export of the same
 * publication in the same format, or with --force.
 */
export async function checkExportTarget(target: ExportTarget): Promise<void> {
  const shown = shownPath(target.out)
  const real = await realpath(target.out).catch(() =>
    realpath(dirname(target.out)).then(
      (dir) => join(dir, basename(target.out)),
      () => target.out,
    ),
  )
  const realRoot = await realpath(target.root).catch(() => target.root)
  for (const folder of [TRANSLATIONS_DIR, CONTENT_DIR]) {
    const rel = relative(join(realRoot, folder), real)
    if (rel === '' || (!rel.startsWith('..') && !isAbsolute(rel))) {
      throw new PressError(
        problem(
          `Refusing to export into ${folder}/: ` +
            `files there are the ${folder === CONTENT_DIR ? 'sources and their ID locks' : 'translations'}, not exports.`,
          {
            file: shown,
            hint:
              `Export to a file outside ${folder}/ ` +
              `(for example --out ${basename(target.out).replace(/\.json$/, '')}.${extensionOf(target.format)}), ` +
              'then `press import` it back.',
            ruleId: 'export-target',
          },
        ),
      )
    }
  }
  const info = await stat(real).catch(() => undefined)
  if (!info) return
  if (!info.isFile()) {
    throw new PressError(
      problem(`Refusing to export over this path: it is ${info.isDirectory() ? 'a folder' : 'not an ordinary file'}.`, {
        file: shown,
        hint: 'Name a new file, or an earlier export, with --out.',
        ruleId: 'export-target',
      }),
    )
  }
  if (target.force || (await isEarlierExport(real, target.format, target.publication))) return
  throw new PressError(
    problem(`Refusing to replace this file: it is not an earlier ${target.format} export of ${target.publication}.`, {
      file: shown,
      hint: 'Choose another --out file, or pass --force to replace it.',
      ruleId: 'export-target',
    }),
  )
}

async function isEarlierExport(path: string, format: ExchangeFormat | 'i18next', publication: string): Promise<boolean> {
  // A plain i18next resource does not say what it is: replacing one takes --force.
  if (format === 'i18next') return false
  try {
    const text = await readFile(path, 'utf8')
    if (text.length === 0 || detectFormat(text, path) !== format) return false
    return (await readExchange(format, text, path)).publication === publication
  } catch {
    return false
  }
}

function extensionOf(format: ExchangeFormat | 'i18next'): string {
  return { xliff2: 'xlf', xliff12: 'xliff', po: 'po', json: 'json', i18next: 'json' }[format]
}
