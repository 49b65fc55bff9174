/**
 * The only disk writes the pipeline makes go through here: atomic, never partial.
 *
 * A write goes to a hidden temporary file beside the target
 * (`.<name>.press-tmp-<pid>-<n>`: hidden, and never ending in an edition's
 * extension, so nobody takes it for an edition and no web server lists it),
 * is flushed to disk, then renamed over the target. A crash or `kill -9`
 * leaves either the old file or the new one, and at worst a temporary file that
 * the next build (or the next write to the same file) removes, once the process
 * that made it is gone. A press stopped by a signal removes its own (exit-cleanup.ts).
 */
import { randomBytes } from 'node:crypto'
import { lstat, mkdir, open, readdir, realpath, rename, rm } from 'node:fs/promises'
import { basename, dirname, isAbsolute, join, relative } from 'node:path'
import { asPressError, shownPath } from './fs-errors.ts'
import { problem, PressError } from './problems.ts'
import { enospc, injectedFaults } from './test-fault.ts'
import { removeAtExit } from './exit-cleanup.ts'

const TEMP = /^\.(.+)\.(?:press-tmp|tmp)-(\d+)-[0-9a-z]+$/
let counter = 0

export interface WriteOptions {
  /**
   * The project root, for files a translator owns (translations, the ID lock):
   * the target must not be a symbolic link leading outside it.
   */
  root?: string
}

/**
 * Write `data` to `path` atomically: write a temporary file in the same
 * folder, flush it, then rename it over the target. A crash leaves the old file intact.
 * File-system failures become a PressError naming `path`.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array, options: WriteOptions = {}): Promise<void> {
  const faults = injectedFaults()
  if (options.root && faults.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, faults.delayMs))
  const target = options.root ? await insideProject(options.root, path, 'write') : path
  const temp = join(
    dirname(target),
    `.${basename(target)}.press-tmp-${process.pid}-${(counter++).toString(36)}${randomBytes(3).toString('hex')}`,
  )
  const forget = removeAtExit(temp)
  try {
    await mkdir(dirname(target), { recursive: true })
    const handle = await open(temp, 'wx')
    try {
      const bytes = typeof data === 'string' ? Buffer.from(data) : data
      if (faults.enospc.some((part) => target.includes(part))) {
        await handle.write(bytes.subarray(0, Math.floor(bytes.length / 2)))
        throw enospc(temp)
      }
      await handle.writeFile(bytes)
      await handle.sync()
    } finally {
      await handle.close()
    }
    await rename(temp, target)
  } catch (error) {
    await rm(temp, { force: true }).catch(() => undefined)
    throw asPressError(error, target, 'write')
  } finally {
    forget()
  }
}

/** Is `name` one of our temporary files? Then the pid of the process that made it. */
export function tempFileOwner(name: string): number | undefined {
  const match = TEMP.exec(name)
  return match ? Number(match[2]) : undefined
}

/** True while process `pid` runs (on this machine). */
export function processAlive(pid: number): boolean {
  if (pid === process.pid) return true
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * Remove the temporary files that interrupted writes left in `dir` (and, with
 * `recursive`, below it): only those whose process is gone, so a press running
 * at the same time keeps its own. Returns the paths removed.
 */
export async function removeStaleTemps(dir: string, recursive = false): Promise<string[]> {
  let entries
  try {
    entries = await readdir(dir, { withFileTypes: true })
  } catch {
    return []
  }
  const removed: string[] = []
  for (const entry of entries) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) {
      if (recursive) removed.push(...(await removeStaleTemps(path, true)))
      continue
    }
    const owner = tempFileOwner(entry.name)
    if (owner !== undefined && !processAlive(owner)) {
      await rm(path, { force: true })
      removed.push(path)
    }
  }
  return removed
}

/**
 * The real path of a project file, refusing one that is a symbolic link (or
 * lies in a linked folder) leading outside the project: press reads and writes
 * translator-owned files only inside the project.
 */
export async function insideProject(root: string, path: string, action: 'read' | 'write'): Promise<string> {
  let real: string
  try {
    real = await realpath(path)
  } catch {
    // The file does not exist yet: its folder must be inside.
    try {
      real = join(await realpath(dirname(path)), basename(path))
    } catch {
      return path
    }
  }
  const realRoot = await realpath(root).catch(() => root)
  const rel = relative(realRoot, real)
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) {
    const link = await lstat(path).then(
      (s) => s.isSymbolicLink(),
      () => false,
    )
    throw new PressError(
      problem(
        `Refusing to ${action} this file: it ${link ? 'is a symbolic link' : 'lies in a linked folder'} to ${real}, outside the project.`,
        {
          file: shownPath(path),
          hint: 'press reads and writes translation files and ID locks only inside the project. Replace the link with a copy of the file.',
          ruleId: 'outside-project',
        },
      ),
    )
  }
  return real
}

/** JSON as we commit it: two-space indent, trailing newline, keys in insertion order. */
export function stringifyJson(value: unknown): string {
  return JSON.stringify(value, null, 2) + '\n'
}
