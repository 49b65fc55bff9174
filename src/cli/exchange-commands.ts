/** `press export` and `press import`: thin wrappers around src/commands/exchange.ts. */
import { resolve } from 'node:path'
import { Option, type Command } from 'commander'
import type { ExchangeFormat } from '../exchange/units.ts'
import type { TerminalLogger } from './logger.ts'
import { problem } from '../util/problems.ts'

/** The exchange formats, for the help text (test/cli asserts it equals exchange/units.ts's `exchangeFormats`); the commands load lazily. */
export const exchangeFormatNames = ['xliff2', 'xliff12', 'po', 'json'] as const satisfies readonly ExchangeFormat[]

interface Globals {
  root: string
  publication?: string
}

export function registerExchangeCommands(
  program: Command,
  globals: () => Globals,
  logger: TerminalLogger,
  out: NodeJS.WritableStream,
  /** Make the command exit 1 once it has reported (some units were refused). */
  fail: () => void = () => undefined,
): void {
  program
    .command('export')
    .description('export one language for translation tools (XLIFF 2, XLIFF 1.2, PO, JSON) or as a plain i18next resource')
    .requiredOption('--lang <code>', 'the target language')
    .addOption(
      new Option('--format <format>', 'the exchange format (i18next: { "<id>": "<text>" } for websites)')
        .choices([...exchangeFormatNames, 'i18next'])
        .default('xliff2'),
    )
    .option('--namespace', 'i18next: nest the resource under the publication ID, its i18next namespace')
    .option('--out <file>', 'write to this file instead of standard output (never under translations/ or content/)')
    .option('--force', 'replace the --out file even when it is not an earlier export of this publication and format')
    .action(async (options: { lang: string; format: ExchangeFormat | 'i18next'; namespace?: boolean; out?: string; force?: boolean }) => {
      const g = globals()
      const { exportTranslation } = await import('../commands/export.ts')
      const result = await exportTranslation({
        root: g.root,
        publication: g.publication,
        language: options.lang,
        format: options.format,
        namespace: options.namespace === true,
      })
      if (result.templated && result.templated.length > 0)
        logger.problem(
          problem(`${result.templated.join(', ')}: the text contains i18next syntax ({{…}} or $t(…)).`, {
            file: `translations/${result.language}/${result.publication}.json`,
            fatal: false,
            hint: 'Read these keys with t(id, { skipInterpolation: true }) to get the text verbatim.',
            ruleId: 'i18next-syntax',
          }),
        )
      if (options.out === undefined) {
        out.write(result.text)
        return
      }
      const target = resolve(options.out)
      const { checkExportTarget } = await import('../commands/export.ts')
      const { writeFileAtomic } = await import('../util/files.ts')
      await checkExportTarget({ root: g.root, out: target, format: options.format, publication: result.publication, force: options.force })
      await writeFileAtomic(target, result.text)
      logger.summary(`Exported ${result.units} units of ${result.publication} (${result.language}, ${options.format}) to ${options.out}`)
    })

  program
    .command('import')
    .description('import a translated XLIFF 2, XLIFF 1.2, PO or JSON file (or migrate a gettext catalog) into translations/')
    .argument('<file>', 'the file to import; its format and language are read from it')
    .option('--lang <code>', 'the target language, when the file does not say (a catalog without a Language header)')
    .option('--dry-run', 'show what would change, write nothing')
    .option('--force', 'also replace reviewed/final translations and entries changed since the export')
    .option('--atomic', 'all or nothing: if any unit is refused, apply none')
    .option('--migrate', 'the file is a gettext catalog keyed by source text (no msgctxt): match messages to paragraphs')
    .action(async (file: string, options: { lang?: string; dryRun?: boolean; force?: boolean; migrate?: boolean; atomic?: boolean }) => {
      const g = globals()
      const { importTranslation } = await import('../commands/import.ts')
      const result = await importTranslation({
        root: g.root,
        file,
        publication: g.publication,
        language: options.lang,
        dryRun: options.dryRun,
        force: options.force,
        migrate: options.migrate,
        atomic: options.atomic,
      })
      for (const warning of result.warnings) logger.problem(warning)
      for (const change of result.changes) logger.info(`${change.id}: ${change.description}`)
      const m = result.migration
      if (m) {
        const cut = (text: string): string => `"${text.replace(/\s+/g, ' ').slice(0, 70)}${text.length > 70 ? '…' : ''}"`
        const exact = m.matches.filter((x) => x.how === 'exact')
        const similar = m.matches.filter((x) => x.how === 'fuzzy')
        const shown = 5
        logger.info(
          `Matched ${m.matches.length} of ${m.blocks} blocks: ${exact.length} exactly, ` +
            `${similar.length} by similarity (imported as stale); ` +
            `${m.unmatched.length} translated messages matched no block; ${m.missing.length} blocks got no message; ` +
            `${m.untranslated} untranslated and ${m.markupOnly} markup-only messages skipped.`,
        )
        for (const x of exact.slice(0, shown)) logger.info(`  exactly       ${x.id} ← ${cut(x.entry.msgid)}`)
        for (const x of similar.slice(0, shown))
          logger.info(`  by similarity ${x.id} (score ${x.score.toFixed(2)}) ← ${cut(x.entry.msgid)}`)
        for (const entry of m.unmatched.slice(0, shown))
          logger.info(`  unmatched     ${file}:${entry.place?.line ?? 1}: ${cut(entry.msgid)}`)
        if (m.missing.length > 0)
          logger.info(`  untranslated  ${m.missing.slice(0, shown).join(', ')}${m.missing.length > shown ? ', …' : ''}`)
        if (Math.max(exact.length, similar.length, m.unmatched.length, m.missing.length) > shown)
          logger.info(`  (first ${shown} of each shown)`)
      }
      for (const refusal of result.refused) logger.problem(refusal)
      const what = `${result.changes.length} ${result.changes.length === 1 ? 'entry' : 'entries'}`
      const refused = result.refused.length
      const left = refused > 0 ? `; ${refused} ${refused === 1 ? 'unit' : 'units'} refused and left alone (see above)` : ''
      if (options.dryRun) logger.summary(`Dry run: ${what} would change in ${result.path}${left}; nothing written.`)
      else if (result.written) logger.summary(`Updated ${what} in ${result.path}${left}`)
      else logger.summary(refused > 0 ? `Applied 0 entries to ${result.path}${left}` : `No change: ${result.path} is up to date.`)
      if (refused > 0) fail()
    })
}
