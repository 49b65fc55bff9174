/** Shared by the fault tests: snapshots of files, a tmpfs when the machine allows one, an import file that changes one entry. */
import { execFileSync, spawnSync } from 'node:child_process'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { press } from '../helpers/project.ts'

/** Every file under `dir` (relative path → bytes as base64), for byte-identical comparisons. */
export function snapshotFiles(dir: string, under: string[] = ['translations', 'content']): Map<string, string> {
  const out = new Map<string, string>()
  const walk = (path: string): void => {
    for (const entry of readdirSync(path, { withFileTypes: true })) {
      const full = join(path, entry.name)
      if (entry.isDirectory()) walk(full)
      else out.set(relative(dir, full), readFileSync(full).toString('base64'))
    }
  }
  for (const folder of under) if (statSync(join(dir, folder), { throwIfNoEntry: false })) walk(join(dir, folder))
  return out
}

/** Mount a tmpfs on `dir` (root only); false when the machine does not allow it. */
export function mountTmpfs(dir: string, size: string): boolean {
  return spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir]).status === 0
}

export function unmount(dir: string): void {
  execFileSync('umount', ['-l', dir])
}

export function chattrWorks(path: string): boolean {
  const ok = spawnSync('chattr', ['+i', path]).status === 0
  if (ok) spawnSync('chattr', ['-i', path])
  return ok
}

/**
 * An XLIFF export of `language` holding only the units whose target is edited:
 * `edits` maps the index of a unit (among those with a plain-text target) to its new text.
 */
export function editedExport(dir: string, language: string, edits: Record<number, string>): string {
  const run = press(dir, ['export', '--lang', language])
  if (run.status !== 0) throw new Error(run.stderr)
  const units = [...run.stdout.matchAll(/ {4}<unit id="[^"]+"[\s\S]*?<\/unit>\n/g)]
  if (units.length === 0) throw new Error('no units in the export')
  let index = -1
  const kept = units.flatMap((unit) => {
    if (!/<target>[^<]*<\/target>/.test(unit[0])) return []
    index++
    return index in edits ? [unit[0].replace(/<target>[^<]*<\/target>/, `<target>${edits[index]}</target>`)] : []
  })
  const first = units[0]!
  const last = units[units.length - 1]!
  return run.stdout.slice(0, first.index) + kept.join('') + run.stdout.slice(last.index + last[0].length)
}

/** The one problem line press printed (its hint follows on the next line). */
export function firstLine(stderr: string): string {
  return stderr.split('\n')[0] ?? ''
}

export function assertNoStack(stderr: string): void {
  if (/\n\s+at |failed unexpectedly/.test(stderr)) throw new Error(`stack trace or unexpected failure in:\n${stderr}`)
}

/** The processes below `pid` (children, theirs, …) with their command lines, from /proc. */
export function descendants(pid: number): Map<number, string> {
  const parents = new Map<number, number>()
  for (const name of readdirSync('/proc').filter((n) => /^\d+$/.test(n))) {
    try {
      // The parent is the 4th field, after the command in parentheses (which may itself hold spaces).
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8')
      parents.set(Number(name), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]))
    } catch {
      // gone meanwhile
    }
  }
  const found = new Map<number, string>()
  const walk = (parent: number): void => {
    for (const [child, of] of parents) {
      if (of !== parent || found.has(child)) continue
      try {
        found.set(child, readFileSync(`/proc/${child}/cmdline`, 'utf8').replace(/\0/g, ' '))
      } catch {
        continue
      }
      walk(child)
    }
  }
  walk(pid)
  return found
}

export const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}
