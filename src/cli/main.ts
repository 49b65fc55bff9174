/**
 * The `press` command line: parses flags and calls the core. Problems are
 * printed as `path:line:column: message` with a hint; exit status 1; no stack
 * trace unless --debug.
 */
import { resolve } from 'node:path'
import { Command, CommanderError, Option } from 'commander'
import { build, formats, type Format } from '../commands/build.ts'
import { checkTranslations, formatCheckReport } from '../commands/check.ts'
import { reviewPair } from '../commands/review.ts'
import { updateIds } from '../commands/ids.ts'
import { formatStatus, translationStatus } from '../commands/status.ts'
import { syncTranslations } from '../commands/sync.ts'
import { addLanguage } from '../commands/add-language.ts'
import { formatProblem, PressError } from '../util/problems.ts'
import { registerExchangeCommands } from './exchange-commands.ts'
import { terminalLogger } from './logger.ts'

interface GlobalOptions {
  root: string
  publication?: string
  debug?: boolean
}

const list = (value: string, previous: string[] = []): string[] => [
  ...previous,
  ...value
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean),
]

export async function main(
  argv: string[],
  io: { out: NodeJS.WritableStream; err: NodeJS.WritableStream } = { out: process.stdout, err: process.stderr },
): Promise<number> {
  const logger = terminalLogger(io.out, io.err)
  const program = new Command('press')
    .description('Polyglot Press: multilingual HTML, EPUB and PDF editions with aligned paragraph IDs.')
    .option('--root <dir>', 'project root (holds content/ and translations/)', process.cwd())
    .option('--publication <id>', 'only this publication (default: every folder in content/)')
    .option('--debug', 'print stack traces of unexpected errors')
    .showHelpAfterError("(run 'press --help' or 'press <command> --help' for the options)")
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out.write(s), writeErr: (s) => io.err.write(s) })
  const globals = (): GlobalOptions => {
    const options = program.opts<GlobalOptions>()
    return { ...options, root: resolve(options.root) }
  }

  program
    .command('build')
    .description('build the editions of every publication into dist/')
    .option('--out <dir>', 'output folder', 'dist')
    .option('--lang <codes>', 'only these languages (comma-separated or repeated)', list)
    .addOption(
      new Option('--format <formats>', `only these formats: ${formats.join(', ')}`).argParser((v: string, prev: string[] = []) =>
        list(v, prev),
      ),
    )
    .option('--frozen', 'never mint paragraph IDs; fail on blocks missing from the lock (always on when CI=true)')
    .option('--strict', 'fail when a block has no translation instead of showing the source text')
    .action(async (options: { out: string; lang?: string[]; format?: string[]; frozen?: boolean; strict?: boolean }) => {
      const g = globals()
      const unknown = (options.format ?? []).filter((f) => !(formats as readonly string[]).includes(f))
      if (unknown.length > 0) throw new UsageError(`Unknown format ${unknown.join(', ')}: use ${formats.join(', ')}.`)
      const result = await build(
        {
          root: g.root,
          outDir: resolve(g.root, options.out),
          publication: g.publication,
          languages: options.lang,
          formats: options.format as Format[] | undefined,
          frozen: Boolean(options.frozen) || isCi(),
          strict: Boolean(options.strict),
        },
        logger,
      )
      logger.summary(`Wrote ${result.files.length} files in ${result.seconds.toFixed(1)} s`)
    })

  program
    .command('ids')
    .description('update the paragraph ID lock: keep, re-match, mint and retire IDs')
    .action(async () => {
      const g = globals()
      await updateIds(g.root, g.publication, logger)
    })

  program
    .command('sync')
    .description('bring translation files in line with the source: add missing entries, mark stale ones, keep orphans')
    .option('--lang <codes>', 'only these languages (comma-separated or repeated)', list)
    .action(async (options: { lang?: string[] }) => {
      const g = globals()
      await syncTranslations({ root: g.root, publication: g.publication, languages: options.lang, frozen: isCi() }, logger)
    })

  program
    .command('add-language')
    .description('add a target language (a BCP 47 tag such as ja, zh-Hant, pt-BR): publication.yaml, translation file, ui.json')
    .argument('<tag>', 'the language tag')
    .action(async (tag: string) => {
      const g = globals()
      await addLanguage({ root: g.root, publication: g.publication, tag, frozen: isCi() }, logger)
    })

  program
    .command('status')
    .description('how complete and current each translation is')
    .option('--lang <codes>', 'only these languages (comma-separated or repeated)', list)
    .option('--json', 'print JSON')
    .option('--strict', 'exit 1 unless every language is complete and current')
    .action(async (options: { lang?: string[]; json?: boolean; strict?: boolean }) => {
      const g = globals()
      const results = await translationStatus({ root: g.root, publication: g.publication, languages: options.lang, frozen: true })
      if (options.json) {
        io.out.write(
          JSON.stringify(
            results.map((r) => ({ publication: r.publication, languages: r.languages })),
            null,
            2,
          ) + '\n',
        )
      } else {
        for (const result of results) {
          logger.info(result.publication)
          for (const status of result.languages)
            formatStatus(status, result.path(status.language)).forEach((line) => logger.info('  ' + line))
        }
      }
      const incomplete = results.flatMap((r) => r.languages.filter((s) => !s.complete).map((s) => `${r.publication}/${s.language}`))
      if (options.strict && incomplete.length > 0) {
        io.err.write(
          `Not complete and current: ${incomplete.join(', ')} (--strict). Translate the entries listed, then run \`press sync\`.\n`,
        )
        strictFailed = true
      }
    })

  program
    .command('check')
    .description(
      'translation QA: footnotes, links, numbers, markup, length, untranslated text, invisible characters; stale and missing entries',
    )
    .option('--lang <codes>', 'only these target languages (comma-separated or repeated)', list)
    .option('--json', 'print JSON')
    .option('--strict', 'exit 1 on any error-level finding or stale or missing entry')
    .action(async (options: { lang?: string[]; json?: boolean; strict?: boolean }) => {
      const g = globals()
      const report = await checkTranslations({ root: g.root, publication: g.publication, languages: options.lang }, logger)
      if (options.json) io.out.write(JSON.stringify(report, null, 2) + '\n')
      else formatCheckReport(report).forEach((line) => io.out.write(line + '\n'))
      if (options.strict && report.failsStrict) {
        io.err.write('Translation QA found errors, stale or missing entries (--strict).\n')
        strictFailed = true
      }
    })

  program
    .command('review')
    .description('write the side-by-side review page of two languages (e.g. fr ar) into dist/<publication>/review/')
    .argument('<a>', 'language shown on the left')
    .argument('<b>', 'language shown on the right (and of the page interface)')
    .option('--out <dir>', 'output folder', 'dist')
    .option('--frozen', 'never mint paragraph IDs (always on when CI=true)')
    .action(async (a: string, b: string, options: { out: string; frozen?: boolean }) => {
      const g = globals()
      const written = await reviewPair(
        { root: g.root, outDir: resolve(g.root, options.out), publication: g.publication, a, b, frozen: Boolean(options.frozen) || isCi() },
        logger,
      )
      logger.summary(`Wrote ${written.length} files`)
    })

  registerExchangeCommands(program, globals, logger, io.out)

  let strictFailed = false
  try {
    await program.parseAsync(argv, { from: 'user' })
    return logger.failed() || strictFailed ? 1 : 0
  } catch (error) {
    return report(error, io.err, argv.includes('--debug'))
  }
}

class UsageError extends Error {}

function isCi(): boolean {
  const value = process.env.CI
  return value !== undefined && value !== '' && value !== 'false' && value !== '0'
}

function report(error: unknown, err: NodeJS.WritableStream, debug: boolean): number {
  if (error instanceof CommanderError) {
    return error.exitCode === 0 ? 0 : 2
  }
  if (error instanceof PressError) {
    for (const message of error.messages) err.write(formatProblem(message) + '\n')
    if (debug) err.write((error.stack ?? '') + '\n')
    return 1
  }
  if (error instanceof UsageError) {
    err.write(`${error.message}\n(run 'press <command> --help' for the options)\n`)
    return 2
  }
  const message = error instanceof Error ? error.message : String(error)
  err.write(`press failed unexpectedly: ${message}\n`)
  err.write(debug && error instanceof Error ? `${error.stack}\n` : 'Run again with --debug for the stack trace, and report it.\n')
  return 1
}
