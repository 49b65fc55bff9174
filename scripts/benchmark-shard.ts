/**
 * The `shard` mode of scripts/benchmark.ts: one build (1 shard) against the
 * same build as 2 shards run at once on this machine plus `press merge`, wall
 * time side by side, on the bundled publication and on one `--max-scale`
 * times larger (generated as in the `scale` mode; `--scales` picks them), of
 * every language and format or of `--lang` and `--format`. No cache: every
 * unit is built. The merged site is checked byte for byte against the single build.
 */
import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import {
  cpuGroup,
  groupSeconds,
  inGroup,
  measure,
  press,
  pressCommand,
  projectCopy,
  removeGroup,
  row,
  seconds,
  type Mode,
  type Sample,
} from './benchmark-lib.ts'
import { measurePress, memory, scaledProject } from './benchmark-scale.ts'

/** Run commands at once, each under /usr/bin/time (and in its own cpuacct cgroup when possible); wall is until the last ends. */
async function together(dir: string, commands: string[][]): Promise<Sample> {
  const out = mkdtempSync(join(tmpdir(), 'press-bench-shard-'))
  const started = performance.now()
  const samples = await Promise.all(
    commands.map(
      (args, i) =>
        new Promise<Sample>((resolve, reject) => {
          const file = join(out, `time-${i}`)
          const group = cpuGroup()
          const [command, ...rest] = inGroup(group, ['/usr/bin/time', '-o', file, '-f', '%U %S %e %M', process.execPath, press, ...args])
          const child = spawn(command!, rest, {
            cwd: dir,
            env: { ...process.env, SOURCE_DATE_EPOCH: '1571529600', CI: '' },
            stdio: ['ignore', 'ignore', 'pipe'],
          })
          let stderr = ''
          child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
          child.on('close', (code) => {
            const cpu = (user: number, sys: number): number => (group ? groupSeconds(group) : user + sys)
            try {
              if (code !== 0) return reject(new Error(`press ${args.join(' ')} exited ${code}:\n${stderr.slice(-2000)}`))
              const [user, sys, wall, rss] = readFileSync(file, 'utf8').trim().split('\n').at(-1)!.split(/\s+/).map(Number)
              resolve({ cpu: cpu(user!, sys!), wall: wall!, rssMb: rss! / 1024 })
            } finally {
              if (group) removeGroup(group)
            }
          })
        }),
    ),
  )
  rmSync(out, { recursive: true, force: true })
  const wall = (performance.now() - started) / 1000
  return { cpu: samples.reduce((n, s) => n + s.cpu, 0), wall, rssMb: Math.max(...samples.map((s) => s.rssMb)) }
}

function digest(dir: string): string {
  const hash = createHash('sha256')
  const files = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .sort()
  for (const file of files) hash.update(relative(dir, file)).update(readFileSync(file))
  return hash.digest('hex')
}

export const shardMode: Mode = {
  name: 'shard',
  description: '1 shard vs 2 shards at once + press merge (wall time), at 1× and --max-scale× (--scales, --lang, --format)',
  defaultRuns: 1,
  async run(context) {
    const { runs, lang, format, print } = context
    const only = [...(lang ? ['--lang', lang] : []), ...(format ? ['--format', format] : [])]
    const what = `${format ?? 'all formats'}, ${lang ?? 'all languages'}`
    print(`Shards (${what}, --no-cache; ${runs} run${runs > 1 ? 's' : ''}, median)`)
    const scales = context.scales ?? [...new Set([1, context.maxScale])]
    for (const scale of scales) {
      const dir = scale === 1 ? projectCopy() : scaledProject(scale)
      const ratios: number[] = []
      const withMerge: number[] = []
      let single: (Sample & { nodeMb: number }) | undefined
      let sharded: Sample | undefined
      let merged: Sample | undefined
      for (let i = 0; i < runs; i++) {
        single = measurePress(dir, ['build', '--no-cache', ...only, '--out', 'single'])
        sharded = await together(
          dir,
          [1, 2].map((k) => ['build', '--no-cache', ...only, '--shard', `${k}/2`, '--out', `shard-${k}`]),
        )
        merged = measure(pressCommand(dir, ['merge', 'shard-1', 'shard-2', '--out', 'merged']))
        ratios.push(sharded.wall / single.wall)
        withMerge.push((sharded.wall + merged.wall) / single.wall)
      }
      const same = digest(join(dir, 'single')) === digest(join(dir, 'merged'))
      const mid = (values: number[]): string => `${[...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!.toFixed(2)}× wall`
      print(row(`  ${scale}×: 1 shard`, `${seconds(single!.wall)} wall`, `${seconds(single!.cpu)} CPU`, memory(single!)))
      print(row(`  ${scale}×: 2 shards at once`, `${seconds(sharded!.wall)} wall`, `${seconds(sharded!.cpu)} CPU (both)`))
      print(row(`  ${scale}×: press merge`, `${seconds(merged!.wall)} wall`))
      print(row(`  ${scale}×: 2 shards at once / 1 shard`, mid(ratios)))
      print(
        row(`  ${scale}×: (2 shards + merge) / 1 shard`, mid(withMerge), same ? 'merged = single (sha256)' : 'MERGED DIFFERS FROM SINGLE'),
      )
      rmSync(dir, { recursive: true, force: true })
    }
  },
}
