/**
 * The benchmark: every figure is a ratio of two commands measured side by
 * side (paired runs, alternating which goes first, on a shared machine), in
 * CPU seconds (user + sys of the child processes) and wall seconds.
 *
 *   npx tsx scripts/benchmark.ts [all|start|build|pdf|scale|shard|preview] [--runs N] [--max-scale 1|10|100] [--max-pdf-scale 1|10|100]
 *     [--scales 1,100] [--lang en,fr] [--format html,epub] [--only pdf,check]
 *
 * Modes are rows of the `modes` table below; a new mode is a `Mode` (see
 * benchmark-lib.ts) and one line there. `press` runs compiled (lib/), as it
 * ships: run `npm run compile` (or `npm run build`) first when src/ changed.
 * Performance is measured here, never by a timed test.
 */
import { execFileSync } from 'node:child_process'
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { isStale } from './compile-state.mjs'
import {
  cpu,
  cpuSource,
  measure,
  median,
  onPath,
  paired,
  pressCommand,
  projectCopy,
  ratio,
  root,
  row,
  seconds,
  wall,
  type Context,
  type Mode,
  type Sample,
} from './benchmark-lib.ts'
import { scaleMode } from './benchmark-scale.ts'
import { shardMode } from './benchmark-shard.ts'
import { benchmarkInputs } from './benchmark-inputs.ts'
import { previewMode } from './benchmark-preview.ts'
import { pdfMode } from './benchmark-pdf.ts'

const publication = 'wuzhen-outlook-2019'
const node0 = (): ReturnType<typeof measure> => measure({ argv: [process.execPath, '-e', '0'] })

const startMode: Mode = {
  name: 'start',
  description: 'CLI start: press --help, status, check, export, ids vs node -e 0 (bundled project and a minimal one)',
  run({ runs, print }) {
    const dir = projectCopy()
    const commands: [string, string[]][] = [
      ['press --help', ['--help']],
      ['press status', ['status']],
      ['press check', ['check']],
      ['press export --lang fr', ['export', '--lang', 'fr']],
      ['press ids', ['ids']],
    ]
    print('CLI start (CPU user+sys vs `node -e 0`, paired runs)')
    for (const [label, args] of commands) {
      const pair = paired(runs, () => measure(pressCommand(dir, args)), node0)
      print(row(`  ${label}`, `${seconds(cpu(pair.a))} CPU`, `${ratio(pair.cpuRatios)} node -e 0 (${seconds(cpu(pair.b))})`))
    }
    // The way it started before lib/: the TypeScript sources through tsx at every start.
    const tsx = paired(
      Math.min(runs, 3),
      () =>
        measure({
          argv: [
            process.execPath,
            '--import',
            'tsx',
            '--input-type=module',
            '-e',
            `const { main } = await import(${JSON.stringify(join(root, 'src', 'cli', 'main.ts'))}); ` +
              "process.exitCode = await main(['--help'])",
          ],
          cwd: root, // where tsx is installed; --help reads no project
        }),
      node0,
    )
    print(row('  (--help from src through tsx)', `${seconds(cpu(tsx.a))} CPU`, `${ratio(tsx.cpuRatios)} node -e 0`))
    rmSync(dir, { recursive: true, force: true })
    // The start-up share: each command on a publication of one heading and one paragraph, so
    // nearly all it costs is loading what it runs (goal: within 3× of `node -e 0`).
    const tiny = minimalProject()
    print('CLI start-up share (each command on a one-paragraph publication, vs `node -e 0`)')
    for (const [label, args] of commands.filter(([, a]) => a[0] !== '--help')) {
      const pair = paired(runs, () => measure(pressCommand(tiny, args)), node0)
      print(row(`  ${label} (minimal)`, `${seconds(cpu(pair.a))} CPU`, `${ratio(pair.cpuRatios)} node -e 0`))
    }
    rmSync(tiny, { recursive: true, force: true })
  },
}

const buildMode: Mode = {
  name: 'build',
  description: 'cold build, no-op rebuild, one fr entry edited, HTML+EPUB vs pandoc, CPU utilisation',
  defaultRuns: 1,
  run({ runs, print }) {
    const cold: Sample[] = []
    const noop: Sample[] = []
    const edit: Sample[] = []
    for (let i = 0; i < runs; i++) {
      const dir = projectCopy()
      const out = ['--out', 'dist']
      const c = measure(pressCommand(dir, ['build', ...out]))
      const n = measure(pressCommand(dir, ['build', ...out]))
      editFrenchEntry(dir, i)
      const e = measure(pressCommand(dir, ['build', ...out]))
      cold.push(c)
      noop.push(n)
      edit.push(e)
      rmSync(dir, { recursive: true, force: true })
    }
    print(`Build (${runs} run${runs > 1 ? 's' : ''}; all formats, all languages)`)
    print(
      row(
        '  cold build',
        `${seconds(cpu(cold))} CPU`,
        `${seconds(wall(cold))} wall`,
        `${Math.round(median(cold.map((s) => s.rssMb)))} MB peak`,
      ),
    )
    print(row('  CPU utilisation (cold)', `${median(cold.map((s) => s.cpu / s.wall)).toFixed(2)} cores busy (CPU / wall)`))
    print(
      row(
        '  no-op rebuild / cold',
        ratio(noop.map((s, i) => s.cpu / cold[i]!.cpu)) + ' CPU',
        ratio(noop.map((s, i) => s.wall / cold[i]!.wall)) + ' wall',
      ),
    )
    print(
      row(
        '  one fr entry edited / cold',
        ratio(edit.map((s, i) => s.cpu / cold[i]!.cpu)) + ' CPU',
        ratio(edit.map((s, i) => s.wall / cold[i]!.wall)) + ' wall',
      ),
    )

    const dir = projectCopy()
    const formats: [string, string[]][] = [
      ['html', ['--format', 'html']],
      ['epub', ['--format', 'epub']],
      ['html+epub', ['--format', 'html,epub']],
    ]
    for (const [label, args] of formats) {
      const samples = Array.from({ length: runs }, () =>
        measure(pressCommand(dir, ['build', '--no-cache', ...args, '--out', `out-${label}`])),
      )
      print(row(`  cold ${label}`, `${seconds(cpu(samples))} CPU`, `${seconds(wall(samples))} wall`))
    }
    if (onPath('pandoc')) {
      const pandocOut = mkdtempSync(join(tmpdir(), 'press-bench-pandoc-'))
      const pair = paired(
        runs,
        () => measure(pressCommand(dir, ['build', '--no-cache', '--format', 'html,epub', '--out', 'out-pair'])),
        () => measure({ argv: ['sh', '-c', pandocScript(dir, pandocOut)], cwd: dir }),
      )
      print(
        row(
          '  html+epub vs pandoc',
          `${ratio(pair.cpuRatios)} CPU`,
          `${ratio(pair.wallRatios)} wall`,
          `(pandoc ${seconds(cpu(pair.b))} CPU: the source Markdown to standalone HTML and EPUB 3, once per language)`,
        ),
      )
      rmSync(pandocOut, { recursive: true, force: true })
    } else print(row('  html+epub vs pandoc', 'pandoc is not installed: skipped'))
    rmSync(dir, { recursive: true, force: true })
  },
}

/** The modes, in the order `all` runs them. */
const inputsMode: Mode = {
  name: 'inputs',
  description: 'big and deep inputs: paragraphs, headings, nesting, XLIFF imports (scripts/benchmark-inputs.ts)',
  run: () => benchmarkInputs([]),
}

const migrateMode: Mode = {
  name: 'migrate',
  description: 'gettext catalog migration, 500 blocks × 4,000 messages (scripts/benchmark-migrate.ts)',
  run: async () => {
    await import('./benchmark-migrate.ts')
  },
}

const modes: Mode[] = [startMode, buildMode, pdfMode, scaleMode, shardMode, inputsMode, migrateMode, previewMode]

/** A publication of one heading and one paragraph, one target language (fr), IDs and translation file in place. */
function minimalProject(): string {
  const dir = mkdtempSync(join(tmpdir(), 'press-bench-tiny-'))
  const config = readFileSync(join(root, 'content', publication, 'publication.yaml'), 'utf8')
    .replace(/^languages: .*$/m, 'languages: [fr]')
    .replace(/^sources: .*$/m, 'sources: [tiny.md]')
  mkdirSync(join(dir, 'content', publication), { recursive: true })
  writeFileSync(join(dir, 'content', publication, 'publication.yaml'), config)
  writeFileSync(join(dir, 'content', publication, 'tiny.md'), '# Outlook\n\nThe Internet is a home we share.\n')
  for (const language of ['en', 'fr'])
    cpSync(join(root, 'translations', language, 'ui.json'), join(dir, 'translations', language, 'ui.json'))
  execFileSync('git', ['init', '-q'], { cwd: dir })
  measure(pressCommand(dir, ['ids']))
  measure(pressCommand(dir, ['sync']))
  return dir
}

function editFrenchEntry(dir: string, run: number): void {
  const path = join(dir, 'translations', 'fr', `${publication}.json`)
  const file = JSON.parse(readFileSync(path, 'utf8')) as { entries: Record<string, { text: string }> }
  const first = Object.values(file.entries).find((entry) => entry.text !== '')
  if (!first) throw new Error(`no translated fr entry in ${path}`)
  first.text += ` (révision ${run + 1})`
  writeFileSync(path, JSON.stringify(file, null, 2) + '\n')
}

function pandocScript(dir: string, out: string): string {
  const source = join(dir, 'content', publication, 'outlook.md')
  const languages = ['en', 'zh', 'fr', 'es', 'ru', 'ar']
  return languages
    .map(
      (l) =>
        `pandoc -s --metadata title=Outlook --metadata lang=${l} -o ${out}/${l}.html ${source} && ` +
        `pandoc --metadata title=Outlook --metadata lang=${l} -o ${out}/${l}.epub ${source}`,
    )
    .join(' && ')
}

type Args = Pick<Context, 'maxScale' | 'maxPdfScale' | 'scales' | 'lang' | 'format' | 'only'> & { mode: string; runs: number | undefined }

function parseArgs(argv: string[]): Args {
  let mode = 'all'
  let scales: number[] | undefined
  let lang: string | undefined
  let format: string | undefined
  let only: string[] | undefined
  let runs: number | undefined
  let maxScale = 10
  let maxPdfScale = 10
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!
    if (arg === '--runs') runs = positive(argv[++i], '--runs')
    else if (arg === '--max-scale') maxScale = positive(argv[++i], '--max-scale')
    else if (arg === '--max-pdf-scale') maxPdfScale = positive(argv[++i], '--max-pdf-scale')
    else if (arg === '--scales') scales = (argv[++i] ?? '').split(',').map((s) => positive(s, '--scales'))
    else if (arg === '--lang') lang = argv[++i]
    else if (arg === '--format') format = argv[++i]
    else if (arg === '--only') only = (argv[++i] ?? '').split(',')
    else if (!arg.startsWith('-')) mode = arg
    else throw new Error(`unknown option ${arg}`)
  }
  return { mode, runs, maxScale, maxPdfScale, scales, lang, format, only }
}

function positive(value: string | undefined, option: string): number {
  const n = Number(value)
  if (!Number.isInteger(n) || n < 1) throw new Error(`${option} takes a positive whole number (got ${value})`)
  return n
}

const args = parseArgs(process.argv.slice(2))
const selected =
  args.mode === 'all' ? modes.filter((m) => m !== inputsMode && m !== migrateMode) : modes.filter((m) => m.name === args.mode)
if (selected.length === 0) {
  console.error(`Unknown mode ${args.mode}. Modes: all, ${modes.map((m) => `${m.name} (${m.description})`).join(', ')}`)
  process.exit(2)
}
if (isStale()) {
  console.error('lib/ is missing or older than src/: run `npm run compile` first (the benchmark measures the compiled CLI).')
  process.exit(1)
}
console.log(`CPU seconds: ${cpuSource()}; load average ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}`)
for (const mode of selected) {
  const context: Context = {
    runs: args.runs ?? mode.defaultRuns ?? 3,
    maxScale: args.maxScale,
    maxPdfScale: args.maxPdfScale,
    scales: args.scales,
    lang: args.lang,
    format: args.format,
    only: args.only,
    print: (line) => console.log(line),
  }
  await mode.run(context)
  console.log('')
}
