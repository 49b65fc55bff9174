/**
 * `press check`: the translation QA findings of every target language,
 * plus stale and missing entries, with their place in the translation file.
 * The same rows as the review pages (src/outputs/review/rows.ts), for CI.
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import type { Publication } from '../project/load.ts'
import type { FindingLevel } from '../qa/index.ts'
import { alignRows } from '../outputs/review/rows.ts'
import { readQaMemo } from '../qa/memo.ts'
import { problem, PressError, type Place } from '../util/problems.ts'
import { resolveIds } from '../ids/resolve.ts'
import type { Logger } from '../util/logger.ts'
import { findPublications, translationPath, uiPath } from '../project/paths.ts'
import { loadTranslations } from '../i18n/load.ts'
import { listKeys, readUiStrings, untranslatedUi } from '../i18n/ui-strings.ts'
import type { Block } from '../source/segment.ts'
import { visit } from 'unist-util-visit'

export interface CheckOptions {
  root: string
  publication?: string
  /** Target languages to check (default: every target language). */
  languages?: string[]
}

export interface CheckItem {
  id: string
  level: FindingLevel
  /** A QA rule, or `stale` / `missing`. */
  rule: string
  message: string
  file: string
  line?: number
  column?: number
}

export interface LanguageCheck {
  publication: string
  language: string
  file: string
  entries: number
  items: CheckItem[]
  counts: { errors: number; warnings: number; stale: number; missing: number; orphans: number }
}

export interface CheckReport {
  /** Findings on the sources themselves (an image without alt text), at their Markdown position. */
  source: CheckItem[]
  languages: LanguageCheck[]
  /** True when --strict would fail: an error-level finding, a stale or a missing entry. */
  failsStrict: boolean
}

export async function checkTranslations(options: CheckOptions, logger: Logger): Promise<CheckReport> {
  const results: LanguageCheck[] = []
  const source: CheckItem[] = []
  for (const publication of await findPublications(options.root, options.publication)) {
    const checked = await checkPublication(publication, options.languages, logger)
    results.push(...checked.languages)
    source.push(...checked.source)
  }
  const failsStrict = results.some((r) => r.counts.errors + r.counts.stale + r.counts.missing > 0)
  return { source, languages: results, failsStrict }
}

async function checkPublication(
  publication: Publication,
  requested: string[] | undefined,
  logger: Logger,
): Promise<{ languages: LanguageCheck[]; source: CheckItem[] }> {
  const { config } = publication
  const unknown = (requested ?? []).filter((code) => !config.languages.includes(code))
  if (unknown.length > 0) {
    throw new PressError(
      problem(`${config.id} has no target language ${unknown.join(', ')}.`, {
        file: publication.configPath,
        hint: `Its target languages are ${config.languages.join(', ')}.`,
      }),
    )
  }
  const languages = requested && requested.length > 0 ? requested : config.languages
  // Never mint or write IDs here: a block without an ID is reported as missing.
  const sources = await resolveIds(publication, { frozen: false, write: false })
  const translations = await loadTranslations(publication, sources, languages)
  translations.messages.forEach((m) => logger.problem(m))
  if (translations.messages.some((m) => m.fatal)) throw new PressError(translations.messages.filter((m) => m.fatal))
  await checkUiStrings(publication, languages)
  const files = new Map([...translations.files].map(([language, loaded]) => [language, loaded.data]))

  const uiMissing = new Map(
    await Promise.all(languages.map(async (l) => [l, await untranslatedUi(join(publication.root, uiPath(l)), uiPath(l))] as const)),
  )
  const source = sources.blocks.flatMap((block, index) => imagesWithoutAlt(block, sources.ids[index]!))
  const checked: LanguageCheck[] = []
  for (const language of languages) {
    const loaded = translations.files.get(language)
    const file = loaded?.path ?? translationPath(language, config.id)
    const place = (id: string): Place | undefined =>
      loaded?.positions.keyPlaceOf(['entries', id]) ?? loaded?.positions.keyPlaceOf(['entries'])
    const items: CheckItem[] = []
    // The findings of unchanged pairs are read from .press-cache/qa/ (src/qa/memo.ts), not checked again.
    const kept = loaded ? await readQaMemo(publication.root, loaded.path) : undefined
    const rows = await alignRows({
      sources,
      sourceLanguage: config.sourceLanguage,
      a: config.sourceLanguage,
      b: language,
      files,
      memo: kept?.memo,
    })
    await kept?.save()
    for (const row of rows) {
      const at = { id: row.id, file, ...place(row.id) }
      if (row.status === 'missing') {
        items.push({ ...at, level: 'error', rule: 'missing', message: `${row.id} has no ${language} translation.` })
      } else if (row.status === 'stale') {
        items.push({
          ...at,
          level: 'error',
          rule: 'stale',
          message:
            `${row.id}: the source changed since this was translated; ` + 'update the translation (see the review page for what changed).',
        })
      }
      for (const finding of row.findings)
        items.push({ ...at, level: finding.level, rule: finding.rule, message: `${row.id}: ${finding.message}` })
    }
    const ui = uiMissing.get(language)!
    if (ui.keys.length > 0)
      items.push({
        id: 'ui',
        file: ui.path,
        line: ui.keys[0]!.line,
        column: ui.keys[0]!.column,
        level: 'warning',
        rule: 'missing',
        message: `${ui.keys.length} interface strings are not translated yet (meta.untranslated): ${listKeys(ui.keys.map((k) => k.key))}.`,
      })
    const count = (f: (i: CheckItem) => boolean): number => items.filter(f).length
    checked.push({
      publication: config.id,
      language,
      file,
      entries: Object.keys(loaded?.data.entries ?? {}).length,
      items,
      counts: {
        errors: count((i) => i.level === 'error' && i.rule !== 'stale' && i.rule !== 'missing'),
        warnings: count((i) => i.level === 'warning'),
        stale: count((i) => i.rule === 'stale'),
        missing: count((i) => i.rule === 'missing' && i.level === 'error'),
        orphans: Object.keys(loaded?.data.orphans ?? {}).length,
      },
    })
  }
  return { languages: checked, source }
}

/** A warning for each image of a source block whose alt text is empty, at the image's place in the Markdown. */
function imagesWithoutAlt(block: Block, id: string): CheckItem[] {
  const items: CheckItem[] = []
  if (block.kind === 'code') return items
  visit(block.node, (node) => {
    if ((node.type !== 'image' && node.type !== 'imageReference') || (node.alt ?? '').trim() !== '') return
    const start = node.position?.start
    items.push({
      id,
      level: 'warning',
      rule: 'alt-text',
      message: `${id}: an image has no alt text: write what it shows between the brackets of ![…](…), for readers who cannot see it.`,
      file: block.file,
      ...(start ? { line: start.line, column: start.column } : {}),
    })
  })
  return items
}

/** The interface strings of the source and checked languages that exist: read (and so checked) as a build reads them. */
async function checkUiStrings(publication: Publication, languages: readonly string[]): Promise<void> {
  for (const language of [publication.config.sourceLanguage, ...languages]) {
    if (existsSync(join(publication.root, uiPath(language))))
      await readUiStrings(join(publication.root, uiPath(language)), uiPath(language), language)
  }
}

/** `path:line:column: [rule] message` lines, then one summary line per language. */
export function formatCheckReport(report: CheckReport): string[] {
  const lines: string[] = []
  for (const result of [{ items: report.source }, ...report.languages]) {
    for (const item of result.items) {
      const where = [item.file, item.line, item.column].filter((p) => p !== undefined).join(':')
      lines.push(`${where}: ${item.level === 'warning' ? 'warning: ' : ''}[${item.rule}] ${item.message}`)
    }
  }
  for (const r of report.languages) {
    const c = r.counts
    const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`
    lines.push(
      `${r.publication} ${r.language}: ` +
        [
          plural(r.entries, 'entry').replace('entrys', 'entries'),
          plural(c.errors, 'error'),
          plural(c.warnings, 'warning'),
          `${c.stale} stale`,
          `${c.missing} missing`,
          plural(c.orphans, 'orphan'),
        ].join(', '),
    )
  }
  return lines
}
