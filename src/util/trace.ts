/**
 * A timeline of a build, for finding where its wall time goes: with
 * PRESS_TRACE=<file>, every stage and unit that `span` wraps is recorded, with
 * counters of the CPU in use (this process and its threads, each
 * child process such as Chromium, and this thread's event loop), and written
 * as Chrome trace-event JSON (open it in ui.perfetto.dev or chrome://tracing).
 * Without PRESS_TRACE nothing is recorded and `span` only calls its function.
 * The trace never touches the outputs.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { performance } from 'node:perf_hooks'

interface TraceEvent {
  name: string
  ph: 'X' | 'C' | 'M'
  ts: number
  pid: number
  tid: number
  dur?: number
  args?: Record<string, unknown>
}

const SAMPLE_MS = 100

class Recorder {
  readonly path: string
  readonly events: TraceEvent[] = []
  /** Lanes of the timeline: a span takes the first lane free when it starts (async spans overlap). */
  readonly lanes: boolean[] = []
  readonly #timer: NodeJS.Timeout
  readonly #started = performance.now()
  /** CPU ticks of each child process when last sampled (one that ended keeps what it used until then). */
  readonly #children = new Map<number, number>()
  #last = { at: performance.now(), cpu: process.cpuUsage(), main: mainThreadTicks(), loop: performance.eventLoopUtilization() }
  /** CPU seconds so far, by counter. */
  readonly totals = new Map<string, number>()

  constructor(path: string) {
    this.path = path
    this.#timer = setInterval(() => this.#sample(), SAMPLE_MS)
    this.#timer.unref()
  }

  lane(): number {
    const free = this.lanes.indexOf(false)
    const lane = free < 0 ? this.lanes.push(true) - 1 : free
    this.lanes[lane] = true
    return lane
  }

  #sample(): void {
    const at = performance.now()
    const cpu = process.cpuUsage()
    const main = mainThreadTicks()
    const loop = performance.eventLoopUtilization()
    const seconds = (at - this.#last.at) / 1000
    if (seconds <= 0) return
    const used: Record<string, number> = {
      'main thread': (main - this.#last.main) / TICKS,
      'other threads': 0,
      chromium: 0,
      qpdf: 0,
      'other processes': 0,
    }
    used['other threads'] = Math.max(0, (cpu.user + cpu.system - this.#last.cpu.user - this.#last.cpu.system) / 1e6 - used['main thread']!)
    for (const [pid, { ticks, name }] of childCpu()) {
      const key = name === 'chromium' || name === 'qpdf' ? name : 'other processes'
      used[key]! += (ticks - (this.#children.get(pid) ?? 0)) / TICKS
      this.#children.set(pid, ticks)
    }
    const args: Record<string, number> = {}
    for (const [key, value] of Object.entries(used)) {
      args[key] = round(value / seconds)
      this.totals.set(key, (this.totals.get(key) ?? 0) + value)
    }
    const ts = Math.round(at * 1000)
    this.events.push({ name: 'cores in use', ph: 'C', ts, pid: 1, tid: 0, args })
    const busy = performance.eventLoopUtilization(loop, this.#last.loop).utilization
    this.events.push({ name: 'event loop busy', ph: 'C', ts, pid: 1, tid: 0, args: { loop: round(busy) } })
    this.#last = { at, cpu, main, loop }
  }

  /** Write the file; returns a one-line summary (wall, CPU by counter, cores in use on average). */
  write(): string {
    clearInterval(this.#timer)
    this.#sample()
    const wall = (performance.now() - this.#started) / 1000
    const names = this.lanes.map((_, i): TraceEvent => ({
      name: 'thread_name',
      ph: 'M',
      ts: 0,
      pid: 1,
      tid: i + 1,
      args: { name: `lane ${i + 1}` },
    }))
    const cpu = [...this.totals.values()].reduce((a, b) => a + b, 0)
    const totals = Object.fromEntries([...this.totals].map(([k, v]) => [k, round(v)]))
    writeFileSync(this.path, JSON.stringify({ traceEvents: [...names, ...this.events], otherData: { wall: round(wall), cpu: totals } }))
    const parts = [...this.totals].map(([k, v]) => `${k} ${v.toFixed(1)}`).join(', ')
    return `${this.path}: ${wall.toFixed(1)} s wall, ${cpu.toFixed(1)} CPU-s (${parts}), ${(cpu / wall).toFixed(2)} cores in use`
  }
}

/** Clock ticks per second of /proc/<pid>/stat (USER_HZ, 100 on Linux). */
const TICKS = 100
const round = (n: number): number => Math.round(n * 100) / 100

/** The user + system ticks of a /proc stat line (fields after the command's closing parenthesis). */
function statTicks(stat: string): { ticks: number; parent: number; name: string } {
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  return {
    ticks: Number(fields[11]) + Number(fields[12]),
    parent: Number(fields[1]),
    name: stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')),
  }
}

/** CPU ticks used so far by this process's main thread (Linux; 0 elsewhere). */
function mainThreadTicks(): number {
  try {
    return statTicks(readFileSync(`/proc/self/task/${process.pid}/stat`, 'latin1')).ticks
  } catch {
    return 0
  }
}

/**
 * CPU ticks used so far by each descendant process of this one (Linux; none elsewhere). Counted here because
 * Chromium's renderers are not its children when they end: `time` and getrusage never see their CPU.
 */
function childCpu(): Map<number, { ticks: number; name: string }> {
  const found = new Map<number, { ticks: number; name: string }>()
  let entries: string[]
  try {
    entries = readdirSync('/proc').filter((e) => /^\d+$/.test(e))
  } catch {
    return found
  }
  const stats = new Map<number, ReturnType<typeof statTicks>>()
  for (const entry of entries) {
    try {
      stats.set(Number(entry), statTicks(readFileSync(`/proc/${entry}/stat`, 'latin1')))
    } catch {
      // gone meanwhile
    }
  }
  for (const [pid, stat] of stats) {
    for (let p = stat.parent; p > 1; p = stats.get(p)?.parent ?? 0) {
      if (p === process.pid) {
        found.set(pid, { ticks: stat.ticks, name: stat.name })
        break
      }
    }
  }
  return found
}

let recorder: Recorder | undefined
const wanted = process.env.PRESS_TRACE
if (wanted) recorder = new Recorder(wanted)

/** Run `work` as a span named `name` of the trace (when PRESS_TRACE is set). */
export function span<T>(name: string, work: () => T, args?: Record<string, unknown>): T {
  if (!recorder) return work()
  const rec = recorder
  const lane = rec.lane()
  const start = performance.now()
  const end = (): void => {
    const ts = Math.round(start * 1000)
    rec.events.push({ name, ph: 'X', ts, dur: Math.round(performance.now() * 1000) - ts, pid: 1, tid: lane + 1, ...(args ? { args } : {}) })
    rec.lanes[lane] = false
  }
  let result: T
  try {
    result = work()
  } catch (error) {
    end()
    throw error
  }
  if (result instanceof Promise) return result.finally(end) as T
  end()
  return result
}

/** Write the trace file (once, at the end of the build) and say what it found; nothing without PRESS_TRACE. */
export function writeTrace(): string | undefined {
  const summary = recorder?.write()
  recorder = undefined
  return summary
}
