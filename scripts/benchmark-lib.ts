/**
 * Shared by the benchmark modes (scripts/benchmark.ts and the modes other
 * scripts add): run a command as a child process under /usr/bin/time and
 * read its CPU seconds, wall seconds and peak memory; pair two commands in
 * interleaved runs and report ratios.
 *
 * CPU comes from a cpuacct cgroup made for the command when the machine lets
 * us make one (root, cgroup v1 cpuacct mounted): it counts every process the
 * command started, also those not waited for, such as Chromium's renderers,
 * which outlive the browser process and so never reach /usr/bin/time's
 * user + sys. Elsewhere it falls back to user + sys (`cpuSource` says which).
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export const root = join(import.meta.dirname, '..')
export const press = join(root, 'bin', 'press.js')

export interface Sample {
  /** CPU seconds of the command and every process it started (cgroup), else user + sys of those it waited for. */
  cpu: number
  wall: number
  /** Peak resident memory of the largest process, in MB. */
  rssMb: number
}

export interface Context {
  runs: number
  /** Largest publication scale the `scale` mode builds (1, 10, 100). */
  maxScale: number
  /** Largest scale the `scale` mode builds PDFs at (the 100× PDF build takes most of an hour on 2 busy cores). */
  maxPdfScale: number
  /** Scales the `scale` and `shard` modes build (`--scales 1,100`), instead of those up to `maxScale`. */
  scales?: number[] | undefined
  /** `--lang`: the languages of the `scale` mode's PDF builds and of the `shard` mode's builds (default all). */
  lang?: string | undefined
  /** `--only`: the steps the `scale` mode measures (html, epub, pdf, status, check, export; default all). */
  only?: string[] | undefined
  /** `--format`: the formats of the `shard` mode's builds (default all). */
  format?: string | undefined
  print: (line: string) => void
}

/** One benchmark mode: `npx tsx scripts/benchmark.ts <name>`. */
export interface Mode {
  name: string
  description: string
  /** Runs when none is given (default 1): modes whose one run is a full build. */
  defaultRuns?: number
  run: (context: Context) => Promise<void> | void
}

export interface Command {
  argv: string[]
  cwd?: string
  env?: NodeJS.ProcessEnv
}

const CPUACCT = '/sys/fs/cgroup/cpuacct'
let groups = 0

/** A fresh cpuacct cgroup for one command, or undefined when this machine does not let us make one. */
export function cpuGroup(): string | undefined {
  if (process.platform !== 'linux' || !existsSync(join(CPUACCT, 'cgroup.procs'))) return undefined
  const dir = join(CPUACCT, `press-bench-${process.pid}-${groups++}`)
  try {
    mkdirSync(dir)
    return dir
  } catch {
    return undefined
  }
}

/** `argv` run inside `group` (when there is one): the shell joins it, then becomes the command, so all it starts is counted. */
export function inGroup(group: string | undefined, argv: string[]): string[] {
  return group ? ['/bin/sh', '-c', `echo $$ > ${group}/cgroup.procs && exec "$@"`, 'sh', ...argv] : argv
}

/** Where the CPU seconds come from on this machine. */
export const cpuSource = (): string => {
  const group = cpuGroup()
  if (!group) return 'user + sys of the command and the children it waited for (/usr/bin/time)'
  rmdirSync(group)
  return 'every process the command started (a cpuacct cgroup per command)'
}

/** Run `command` under /usr/bin/time (in its own cpuacct cgroup when possible); fails loudly when it fails. */
export function measure(command: Command): Sample {
  const out = mkdtempSync(join(tmpdir(), 'press-bench-time-'))
  const file = join(out, 'time')
  const group = cpuGroup()
  const argv = inGroup(group, ['/usr/bin/time', '-o', file, '-f', '%U %S %e %M', ...command.argv])
  try {
    const result = spawnSync(argv[0]!, argv.slice(1), {
      cwd: command.cwd ?? root,
      env: { ...process.env, SOURCE_DATE_EPOCH: '1571529600', CI: '', ...command.env },
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
    })
    if (result.status !== 0)
      throw new Error(`${command.argv.join(' ')} exited ${result.status}:\n${result.stderr.slice(-2000)}${result.stdout.slice(-500)}`)
    const [user, sys, wall, rss] = readFileSync(file, 'utf8').trim().split('\n').at(-1)!.split(/\s+/).map(Number)
    const cpu = group ? groupSeconds(group) : user! + sys!
    return { cpu, wall: wall!, rssMb: rss! / 1024 }
  } finally {
    rmSync(out, { recursive: true, force: true })
    if (group) removeGroup(group)
  }
}

/** CPU seconds of the group: renderers that outlived their browser are waited for (a few seconds at most). */
export function groupSeconds(group: string): number {
  for (let i = 0; i < 50 && readFileSync(join(group, 'cgroup.procs'), 'utf8').trim() !== ''; i++) execFileSync('sleep', ['0.1'])
  return Number(readFileSync(join(group, 'cpuacct.usage'), 'utf8')) / 1e9
}

export function removeGroup(group: string): void {
  try {
    rmdirSync(group)
  } catch {
    // A process still in it: the group is left behind, empty once it ends (harmless).
  }
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

export interface Pair {
  a: Sample[]
  b: Sample[]
  /** a/b CPU ratio of each run. */
  cpuRatios: number[]
  wallRatios: number[]
}

/** Run `a` and `b` `runs` times, alternating which goes first, so both see the same machine load. */
export function paired(runs: number, a: () => Sample, b: () => Sample): Pair {
  const pair: Pair = { a: [], b: [], cpuRatios: [], wallRatios: [] }
  for (let i = 0; i < runs; i++) {
    let sa: Sample
    let sb: Sample
    if (i % 2 === 0) {
      sa = a()
      sb = b()
    } else {
      sb = b()
      sa = a()
    }
    pair.a.push(sa)
    pair.b.push(sb)
    pair.cpuRatios.push(sa.cpu / sb.cpu)
    pair.wallRatios.push(sa.wall / sb.wall)
  }
  return pair
}

export const cpu = (samples: Sample[]): number => median(samples.map((s) => s.cpu))
export const wall = (samples: Sample[]): number => median(samples.map((s) => s.wall))

/** "2.31× (1.9–2.6)": the median ratio and the spread over the runs. */
export function ratio(values: number[]): string {
  const sorted = [...values].sort((x, y) => x - y)
  const spread = sorted.length > 1 ? ` (${sorted[0]!.toFixed(2)}–${sorted.at(-1)!.toFixed(2)})` : ''
  return `${median(values).toFixed(2)}×${spread}`
}

export const seconds = (value: number): string => `${value.toFixed(2)} s`

/** A line of the report: a label, then columns. */
export function row(label: string, ...columns: string[]): string {
  return `${label.padEnd(34)} ${columns.join('  ')}`
}

/** A throwaway copy of the project (content, translations, templates; a git repo for build dates). */
export function projectCopy(prefix = 'press-bench-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  for (const folder of ['content', 'translations', 'templates']) cpSync(join(root, folder), join(dir, folder), { recursive: true })
  execFileSync('git', ['init', '-q'], { cwd: dir })
  return dir
}

export function pressCommand(cwd: string, args: string[], env: NodeJS.ProcessEnv = {}): Command {
  return { argv: [process.execPath, press, ...args], cwd, env }
}

export function onPath(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0
}
