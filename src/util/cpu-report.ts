/**
 * Where a command's CPU went, for the benchmark (scripts/benchmark-pdf.ts): with PRESS_REPORT_CPU=<file>, press
 * writes at exit, as JSON, its own CPU seconds (`node`: user + sys of this process, worker threads included), those of
 * the child processes it waited for (`children`: qpdf runs, the local Chromium with every process it ran, once
 * closed), and the same two at named moments of the run (`marks`, each taken the first time it is reached:
 * `pdf-output` when the first PDF output starts, `browser-close` just before the local Chromium is closed).
 * Children's CPU is read from /proc/self/stat (Linux); elsewhere it is left out. Without the variable, nothing is
 * measured.
 */
import { readFileSync, writeFileSync } from 'node:fs'

export interface CpuSnapshot {
  /** user + sys seconds of this process. */
  node: number
  /** user + sys seconds of the children waited for (undefined: not on Linux). */
  children: number | undefined
}

export interface CpuReport extends CpuSnapshot {
  marks: Record<string, CpuSnapshot>
}

/** Linux's USER_HZ: /proc reports times in 1/100 s on every architecture. */
const TICKS_PER_SECOND = 100

const marks: Record<string, CpuSnapshot> = {}
let reportFile: string | undefined

export function cpuSnapshot(): CpuSnapshot {
  const { user, system } = process.cpuUsage()
  return { node: (user + system) / 1e6, children: childrenCpu() }
}

/** cutime + cstime of /proc/self/stat (fields 16 and 17; the command name, field 2, may hold spaces). */
function childrenCpu(): number | undefined {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8')
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return (Number(fields[13]) + Number(fields[14])) / TICKS_PER_SECOND
  } catch {
    return undefined
  }
}

/** Record the CPU so far under `name`, the first time only (when PRESS_REPORT_CPU asks for a report). */
export function cpuMark(name: string): void {
  if (reportFile !== undefined && !(name in marks)) marks[name] = cpuSnapshot()
}

/** Write the report to `file` when the process exits (called once, by the CLI, when PRESS_REPORT_CPU is set). */
export function reportCpuAtExit(file: string): void {
  if (reportFile !== undefined) return
  reportFile = file
  process.on('exit', () => {
    const report: CpuReport = { ...cpuSnapshot(), marks }
    writeFileSync(file, JSON.stringify(report, null, 2) + '\n')
  })
}
