/**
 * The `scale` mode of scripts/benchmark.ts: publications 10× and 100× the
 * bundled one, generated in temp folders (the source repeated, footnote labels
 * renamed per copy; IDs minted with `press ids`; each new translation entry
 * filled from the original entry of the same source text, so every language
 * stays complete), then each output and command measured at each scale.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { z } from 'zod'
import { measure, press, pressCommand, projectCopy, row, seconds, type Context, type Mode, type Sample } from './benchmark-lib.ts'

const publication = 'wuzhen-outlook-2019'

const entry = z.looseObject({ state: z.string(), sourceHash: z.string(), source: z.string(), text: z.string() })
const translationFile = z.looseObject({ entries: z.record(z.string(), entry) })

/** A project whose publication is `scale` times the bundled one, with complete translations. */
export function scaledProject(scale: number): string {
  const dir = projectCopy(`press-bench-${scale}x-`)
  const sourcePath = join(dir, 'content', publication, 'outlook.md')
  const source = readFileSync(sourcePath, 'utf8')
  const copies = Array.from({ length: scale }, (_, k) => (k === 0 ? source : source.replace(/\[\^([^\]]+)\]/g, `[^$1-c${k}]`)))
  writeFileSync(sourcePath, copies.join('\n\n'))
  run(dir, ['ids'])
  const languages = readdirSync(join(dir, 'translations')).filter((l) => l !== 'en')
  const originals = new Map(languages.map((l) => [l, translationFile.parse(JSON.parse(readFileSync(translationPath(dir, l), 'utf8')))]))
  run(dir, ['sync'])
  for (const language of languages) {
    const bySource = new Map(Object.values(originals.get(language)!.entries).map((e) => [e.source, e]))
    const path = translationPath(dir, language)
    const file = translationFile.parse(JSON.parse(readFileSync(path, 'utf8')))
    for (const [id, current] of Object.entries(file.entries)) {
      const original = bySource.get(current.source)
      if (original && current.text === '') file.entries[id] = { ...current, state: original.state, text: original.text }
    }
    writeFileSync(path, JSON.stringify(file, null, 2) + '\n')
  }
  return dir
}

/** The scales a mode builds: `--scales`, else 1, 10, 100 up to `--max-scale`. */
export function scalesOf({ scales, maxScale }: Context): number[] {
  return scales ?? [1, 10, 100].filter((s) => s <= maxScale)
}

// Writes the Node process's own peak memory (its threads included, the browsers and tools it starts not) when it exits.
const rssHook =
  "data:text/javascript,import{writeFileSync}from'node:fs';" +
  "process.on('exit',()=>writeFileSync(process.env.PRESS_BENCH_RSS,String(process.resourceUsage().maxRSS)))"

/** A press command measured as `measure` does, with the peak memory of press's own Node process apart (`nodeMb`). */
export function measurePress(dir: string, args: string[]): Sample & { nodeMb: number } {
  const out = mkdtempSync(join(tmpdir(), 'press-bench-rss-'))
  const file = join(out, 'rss')
  try {
    const sample = measure({ argv: [process.execPath, '--import', rssHook, press, ...args], cwd: dir, env: { PRESS_BENCH_RSS: file } })
    return { ...sample, nodeMb: Number(readFileSync(file, 'utf8')) / 1024 }
  } finally {
    rmSync(out, { recursive: true, force: true })
  }
}

/** "379 MB peak (Node), 610 MB largest child": memory of press itself, and of a browser or tool it started when larger. */
export function memory(sample: Sample & { nodeMb: number }): string {
  const node = `${Math.round(sample.nodeMb)} MB peak (Node)${sample.nodeMb >= 1024 ? ' OVER 1 GB' : ''}`
  return sample.rssMb > sample.nodeMb + 1 ? `${node}, ${Math.round(sample.rssMb)} MB largest child` : node
}

function translationPath(dir: string, language: string): string {
  return join(dir, 'translations', language, `${publication}.json`)
}

function run(dir: string, args: string[]): void {
  measure(pressCommand(dir, args))
}

const steps: [string, string[]][] = [
  ['build html', ['build', '--no-cache', '--format', 'html']],
  ['build epub', ['build', '--no-cache', '--format', 'epub']],
  ['build pdf', ['build', '--no-cache', '--format', 'pdf']],
  ['status', ['status']],
  ['check', ['check']],
  ['export --lang fr', ['export', '--lang', 'fr']],
]

export const scaleMode: Mode = {
  name: 'scale',
  description: 'growth from 1× to 10× to 100× per output and per command (--max-scale, --scales, --only, --lang for the PDFs)',
  defaultRuns: 1,
  run(context) {
    const { maxPdfScale, lang, only, print } = context
    const scales = scalesOf(context)
    print(
      `Growth with the publication's size (CPU seconds; growth = CPU at n× / CPU at 1×; scales ${scales.join(', ')}; ` +
        `PDFs of ${lang ?? 'every language'}; goal: at most 100× at 100×, peak memory under 1 GB)`,
    )
    const base = new Map<string, Sample>()
    for (const scale of scales) {
      const dir = scaledProject(scale)
      for (const [label, args] of steps) {
        if (only && !only.includes(label.replace('build ', '').split(' ')[0]!)) continue
        if (label === 'build pdf' && scale > maxPdfScale) {
          print(row(`  ${scale}× ${label}`, `not measured (--max-pdf-scale ${maxPdfScale})`))
          continue
        }
        const build = args[0] === 'build' ? ['--out', `out-${label.replace(' ', '-')}`] : []
        const languages = label === 'build pdf' && lang ? ['--lang', lang] : []
        let sample: Sample & { nodeMb: number }
        try {
          sample = measurePress(dir, [...args, ...build, ...languages])
        } catch (error) {
          const lines = (error as Error).message.split('\n')
          print(row(`  ${scale}× ${label}`, `failed: ${lines.find((l) => /error|did not|exited/i.test(l) && l !== lines[0]) ?? lines[0]}`))
          continue
        }
        if (scale === 1) base.set(label, sample)
        const one = base.get(label)
        print(
          row(
            `  ${scale}× ${label}`,
            `${seconds(sample.cpu)} CPU`,
            `${seconds(sample.wall)} wall`,
            memory(sample),
            one && scale > 1 ? `growth ${(sample.cpu / one.cpu).toFixed(1)}× CPU (${(sample.wall / one.wall).toFixed(1)}× wall)` : '',
          ),
        )
      }
      rmSync(dir, { recursive: true, force: true })
    }
  },
}
