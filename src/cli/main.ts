/**
 * The `press` command line: parses flags and calls the core. Problems are
 * printed as `path:line:column: message` with a hint; exit status 1; no stack
 * trace unless --debug.
 */
import { resolve } from 'node:path'
import { Command, CommanderError, Option } from 'commander'
import type { Format } from '../commands/build.ts'
import { fsProblem } from '../util/fs-errors.ts'
import { formatProblem, PressError } from '../util/problems.ts'
import { outputFolder } from '../project/out-dir.ts'
import { registerExchangeCommands } from './exchange-commands.ts'
import { terminalLogger } from './logger.ts'
import { pressVersion } from './version.ts'
import { reportCpuAtExit } from '../util/cpu-report.ts'
import { exitOnSignals, nextSignal } from './signals.ts'

// Each command's module is imported inside its action, so `press --help` (and
// every command) loads only what it runs: unified, zod, i18next and puppeteer
// cost more to load than most commands take to run.

/** The formats `press build` knows, for the help text (test/cli asserts it equals build's `formats`). */
export const formatNames = ['html', 'epub', 'pdf'] as const satisfies readonly Format[]

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
  // scripts/benchmark-pdf.ts: where the CPU went (this process, Chromium, qpdf), written at exit.
  if (process.env.PRESS_REPORT_CPU) reportCpuAtExit(process.env.PRESS_REPORT_CPU)
  const logger = terminalLogger(io.out, io.err)
  const stopExitingOnSignals = exitOnSignals(io.err)
  const program = new Command('press')
    .description('Polyglot Press: multilingual HTML, EPUB and PDF editions with aligned paragraph IDs.')
    .option('--root <dir>', 'project root (holds content/ and translations/)', process.cwd())
    .option('--publication <id>', 'only this publication (default: every folder in content/)')
    .option('--debug', 'print stack traces of unexpected errors')
    .version(pressVersion(), '-V, --version', 'print the version of Polyglot Press')
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
      new Option(
        '--format <formats>',
        `only these formats: ${formatNames.join(', ')} (html includes the review pages, pdf the parallel texts)`,
      ).argParser((v: string, prev: string[] = []) => list(v, prev)),
    )
    .option('--frozen', 'never mint paragraph IDs; fail on blocks missing from the lock (always on when CI=true)')
    .option('--strict', 'fail when a block has no translation instead of showing the source text')
    .option('--jobs <n>', 'parallel jobs (font subsetting threads; default: the number of cores)')
    .option('--no-cache', 'build every unit: do not reuse (or write) .press-cache/ (cached outputs and font subsets)')
    .option('--shard <K/N>', 'build only shard K of N (for a CI matrix; IDs frozen), with shard.json for `press merge`')
    .option('--dry-run', 'print the work units (with --shard: the split into shards), build nothing')
    .option(
      '--browser-url <urls>',
      'render PDFs on these DevTools endpoints (ws://…, comma-separated or repeated; env PRESS_BROWSER_URL) instead of a local Chromium',
      list,
    )
    .addOption(new Option('--profile <name>', 'also write the press PDFs (bleed and crop marks; print.bleed or 3mm)').choices(['press']))
    .action(
      async (options: {
        out: string
        lang?: string[]
        format?: string[]
        frozen?: boolean
        strict?: boolean
        jobs?: string
        cache: boolean
        shard?: string
        dryRun?: boolean
        browserUrl?: string[]
        profile?: 'press'
      }) => {
        const g = globals()
        const jobs = options.jobs === undefined ? undefined : parseJobs(options.jobs)
        const { build, formats } = await import('../commands/build.ts')
        const { parseShard } = await import('../commands/build/shard.ts')
        const shard = options.shard === undefined ? undefined : parseShard(options.shard)
        if (options.shard !== undefined && !shard)
          throw new UsageError(`--shard takes K/N with 1 ≤ K ≤ N (got "${options.shard}"), e.g. --shard 2/3.`)
        const unknown = (options.format ?? []).filter((f) => !(formats as readonly string[]).includes(f))
        if (unknown.length > 0) throw new UsageError(`Unknown format ${unknown.join(', ')}: use ${formats.join(', ')}.`)
        const result = await build(
          {
            root: g.root,
            outDir: outputFolder(g.root, options.out),
            publication: g.publication,
            languages: options.lang,
            formats: options.format as Format[] | undefined,
            frozen: Boolean(options.frozen) || isCi(),
            strict: Boolean(options.strict),
            jobs,
            cache: options.cache,
            shard,
            dryRun: Boolean(options.dryRun),
            browserUrls: browserUrls(options.browserUrl),
            profile: options.profile,
          },
          logger,
        )
        if (!options.dryRun)
          logger.summary(`${buildSummary(result.files.length, result.unchanged.length)} in ${result.seconds.toFixed(1)} s`)
      },
    )

  program
    .command('merge')
    .description('assemble the outputs of `press build --shard K/N` into one output folder with its manifests and download pages')
    .argument('<dirs...>', "the shards' output folders")
    .option('--out <dir>', 'output folder', 'dist')
    .action(async (dirs: string[], options: { out: string }) => {
      const g = globals()
      const { merge } = await import('../commands/merge.ts')
      const result = await merge({ root: g.root, dirs, outDir: outputFolder(g.root, options.out) }, logger)
      logger.summary(`Merged ${result.shards} shards: ${result.units} units, ${result.files.length} files`)
    })

  program
    .command('clean')
    .description('remove the build cache (.press-cache/: cached outputs, font subsets, timings)')
    .action(async () => {
      const g = globals()
      const { clean } = await import('../commands/clean.ts')
      const removed = await clean(g.root)
      logger.summary(removed ? `Removed ${removed}` : 'No cache to remove')
    })

  program
    .command('ids')
    .description('update the paragraph ID lock: keep, re-match, split, merge, revive, mint and retire IDs')
    .option('--dry-run', 'show what would happen to every ID, write nothing')
    .option('--prune-retired', 'forget the texts of retired IDs (they can no longer come back; they are never minted again)')
    .action(async (options: { dryRun?: boolean; pruneRetired?: boolean }) => {
      const g = globals()
      const { updateIds } = await import('../commands/ids.ts')
      await updateIds(g.root, g.publication, logger, options)
    })

  program
    .command('sync')
    .description('bring translation files in line with the source: add missing entries, mark stale ones, keep orphans')
    .option('--lang <codes>', 'only these languages (comma-separated or repeated)', list)
    .option('--dry-run', 'show what would change in each translation file, write nothing')
    .action(async (options: { lang?: string[]; dryRun?: boolean }) => {
      const g = globals()
      const { syncTranslations } = await import('../commands/sync.ts')
      await syncTranslations(
        { root: g.root, publication: g.publication, languages: options.lang, frozen: isCi(), dryRun: options.dryRun },
        logger,
      )
    })

  program
    .command('add-language')
    .description('add a target language (a BCP 47 tag such as ja, zh-Hant, pt-BR): publication.yaml, translation file, ui.json')
    .argument('<tag>', 'the language tag')
    .action(async (tag: string) => {
      const g = globals()
      const { addLanguage } = await import('../commands/add-language.ts')
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
      const { formatStatus, translationStatus } = await import('../commands/status.ts')
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
      const { checkTranslations, formatCheckReport } = await import('../commands/check.ts')
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
    .description(
      'write the side-by-side review page (review/<a>-<b>.html) and parallel-text PDF (parallel/<a>-<b>.pdf) ' +
        'of two languages, e.g. fr ar, into dist/<publication>/',
    )
    .argument('<a>', 'language shown on the left')
    .argument('<b>', 'language shown on the right (and of the page interface)')
    .option('--out <dir>', 'output folder', 'dist')
    .option('--frozen', 'never mint paragraph IDs (always on when CI=true)')
    .option('--no-pdf', 'write only the review page, not the parallel-text PDF')
    .option('--browser-url <urls>', 'render the PDF on these DevTools endpoints (as for build; env PRESS_BROWSER_URL)', list)
    .action(async (a: string, b: string, options: { out: string; frozen?: boolean; pdf: boolean; browserUrl?: string[] }) => {
      const g = globals()
      const { reviewPair } = await import('../commands/review.ts')
      const written = await reviewPair(
        {
          root: g.root,
          outDir: outputFolder(g.root, options.out),
          publication: g.publication,
          a,
          b,
          frozen: Boolean(options.frozen) || isCi(),
          pdf: options.pdf,
          browserUrls: browserUrls(options.browserUrl),
        },
        logger,
      )
      logger.summary(`Wrote ${written.length} files`)
    })

  program
    .command('preview')
    .description('serve the editions and review pages, rebuild on every change, and record review decisions')
    .option('--port <n>', 'port (0: any free port)', '8000')
    .option('--host <host>', 'interface to listen on (default loopback; any other needs the token for every request)', '127.0.0.1')
    .option('--open', 'open the index in the default browser')
    .option('--reviewer <name>', 'name recorded with review decisions (default: git config user.name)')
    .option('--out <dir>', 'output folder', 'dist')
    .option('--lang <codes>', 'only these languages (comma-separated or repeated)', list)
    .addOption(
      new Option('--format <formats>', `only these formats: ${formatNames.join(', ')}`).argParser((v: string, p: string[] = []) =>
        list(v, p),
      ),
    )
    .option('--jobs <n>', 'parallel jobs (default: the number of cores)')
    .action(
      async (options: {
        port: string
        host: string
        open?: boolean
        reviewer?: string
        out: string
        lang?: string[]
        format?: string[]
        jobs?: string
      }) => {
        const g = globals()
        const port = Number(options.port)
        if (!/^\d+$/.test(options.port) || port > 65535) throw new UsageError(`--port takes a port number 0–65535 (got "${options.port}").`)
        const { startPreview } = await import('../commands/preview.ts')
        const { formats } = await import('../commands/build.ts')
        const unknown = (options.format ?? []).filter((f) => !(formats as readonly string[]).includes(f))
        if (unknown.length > 0) throw new UsageError(`Unknown format ${unknown.join(', ')}: use ${formats.join(', ')}.`)
        const preview = await startPreview(
          {
            root: g.root,
            outDir: outputFolder(g.root, options.out),
            publication: g.publication,
            port,
            host: options.host,
            open: options.open,
            reviewer: options.reviewer,
            formats: options.format as Format[] | undefined,
            languages: options.lang,
            jobs: options.jobs === undefined ? undefined : parseJobs(options.jobs),
          },
          logger,
        )
        stopExitingOnSignals() // the server stops its own way: it finishes the build in progress
        const signal = await nextSignal()
        logger.info(`${signal}: stopping (a build in progress finishes first)…`)
        await preview.close()
        logger.summary('Stopped the preview server')
      },
    )

  registerExchangeCommands(program, globals, logger, io.out, () => (strictFailed = true))

  let strictFailed = false
  try {
    await program.parseAsync(argv, { from: 'user' })
    return logger.failed() || strictFailed ? 1 : 0
  } catch (error) {
    return report(error, io.err, argv.includes('--debug'))
  } finally {
    stopExitingOnSignals()
  }
}

class UsageError extends Error {}

/** "Wrote 12 files, 145 up to date", or "Nothing changed (157 files up to date)". */
export function buildSummary(written: number, unchanged: number): string {
  const files = (n: number) => `${n} file${n === 1 ? '' : 's'}`
  if (written === 0) return `Nothing changed (${files(unchanged)} up to date)`
  return unchanged === 0 ? `Wrote ${files(written)}` : `Wrote ${files(written)}, ${unchanged} up to date`
}

/** `--browser-url` (else PRESS_BROWSER_URL): DevTools endpoints, ws:// (as Chromium prints them) or a browser's http://host:port. */
function browserUrls(given: string[] | undefined): string[] {
  return (given ?? list(process.env.PRESS_BROWSER_URL ?? '', [])).map(checkBrowserUrl)
}

function checkBrowserUrl(url: string): string {
  if (/^(wss?|https?):\/\/[^/\s]+/.test(url)) return url
  throw new UsageError(
    `--browser-url takes a DevTools endpoint such as ws://127.0.0.1:9222/devtools/browser/… or http://127.0.0.1:9222 (got "${url}").`,
  )
}

/** `--jobs`: a positive whole number. */
function parseJobs(value: string): number {
  const jobs = Number(value)
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(jobs) || jobs < 1)
    throw new UsageError(`--jobs takes a positive whole number of parallel jobs (got "${value}"), e.g. --jobs 2.`)
  return jobs
}

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
  const fault = fsProblem(error)
  if (fault) {
    err.write(formatProblem(fault) + '\n')
    if (debug && error instanceof Error) err.write((error.stack ?? '') + '\n')
    return 1
  }
  const message = error instanceof Error ? error.message : String(error)
  err.write(`press failed unexpectedly: ${message}\n`)
  err.write(debug && error instanceof Error ? `${error.stack}\n` : 'Run again with --debug for the stack trace, and report it.\n')
  return 1
}
