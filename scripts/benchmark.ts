/**
 * Build benchmark: times `press build` per format over several runs and prints
 * the median and spread. Run: `npx tsx scripts/benchmark.ts [runs] [format…]`.
 * Performance is measured here, never by a timed test.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { build, formats, type Format } from '../src/commands/build.ts'
import { collectingLogger } from '../src/util/logger.ts'
import { benchmarkInputs } from './benchmark-inputs.ts'

// `npx tsx scripts/benchmark.ts inputs`: big-input measurements (scripts/benchmark-inputs.ts).
if (process.argv[2] === 'inputs') {
  await benchmarkInputs(process.argv.slice(3))
  process.exit(0)
}

const root = join(import.meta.dirname, '..')
const runs = Number(process.argv[2] ?? 3)
const wanted = (process.argv.slice(3).length > 0 ? process.argv.slice(3) : [...formats]) as Format[]

process.env.SOURCE_DATE_EPOCH ??= '1571529600'
for (const format of wanted) {
  const times: number[] = []
  let files = 0
  for (let i = 0; i < runs; i++) {
    const out = mkdtempSync(join(tmpdir(), 'press-bench-'))
    const result = await build({ root, outDir: out, frozen: true, strict: false, formats: [format] }, collectingLogger())
    times.push(result.seconds)
    files = result.files.length
    rmSync(out, { recursive: true, force: true })
  }
  times.sort((a, b) => a - b)
  const median = times[Math.floor(times.length / 2)]!
  console.log(
    `${format.padEnd(8)} median ${median.toFixed(2)} s  (min ${times[0]!.toFixed(2)}, max ${times.at(-1)!.toFixed(2)}, ${runs} runs, ${files} files)`,
  )
}
