/**
 * Watches the inputs of a build (content/, translations/, templates/; each
 * publication.yaml lives in content/) and reports the changed paths in batches
 * after `debounceMs` of quiet. One non-recursive fs.watch per folder (inotify
 * on Linux: one watch each, see "Preview" in the README for the limit), and a
 * new one when a folder appears: Node 20's recursive fs.watch on Linux loses a
 * file once it is replaced by a rename, which is how every editor and press
 * itself save. Temporary files of atomic writes and lock files are ignored.
 */
import { readdirSync, statSync, watch, type FSWatcher } from 'node:fs'
import { join, relative } from 'node:path'
import { problem, PressError } from '../../util/problems.ts'

export const WATCHED = ['content', 'translations', 'templates'] as const

export interface Watcher {
  close(): void
}

const ignored = (name: string): boolean => /^\.[^/]*press-tmp-|\.lock$|~$|\.swp$|^\.#|^4913$/.test(name)

export function watchInputs(root: string, onChange: (paths: string[]) => void, debounceMs = 60): Watcher {
  const pending = new Set<string>()
  const watchers = new Map<string, FSWatcher>()
  let timer: NodeJS.Timeout | undefined
  const flush = (): void => {
    timer = undefined
    const paths = [...pending].sort()
    pending.clear()
    if (paths.length > 0) onChange(paths)
  }
  const add = (folder: string): void => {
    if (watchers.has(folder)) return
    let watcher: FSWatcher
    try {
      watcher = watch(folder, (_event, name) => {
        if (name === null || ignored(String(name))) return
        const path = join(folder, String(name))
        if (isFolder(path)) addTree(path)
        pending.add(relative(root, path).split('\\').join('/'))
        clearTimeout(timer)
        timer = setTimeout(flush, debounceMs)
      })
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      if (code === 'ENOENT') return
      throw new PressError(
        problem(
          code === 'ENOSPC' ? 'Out of inotify watches: cannot watch the project for changes.' : `Cannot watch this folder (${code}).`,
          {
            file: relative(root, folder) || folder,
            hint:
              code === 'ENOSPC'
                ? 'Raise the limit: `sudo sysctl fs.inotify.max_user_watches=524288` (see "Preview" in the README).'
                : 'Check that the folder exists and can be read.',
          },
        ),
      )
    }
    watcher.on('error', () => {
      watcher.close()
      watchers.delete(folder)
    })
    watchers.set(folder, watcher)
  }
  const addTree = (folder: string): void => {
    add(folder)
    let names: string[] = []
    try {
      names = readdirSync(folder, { withFileTypes: true })
        .filter((d) => d.isDirectory() && !d.name.startsWith('.'))
        .map((d) => d.name)
    } catch {
      return
    }
    for (const name of names) addTree(join(folder, name))
  }
  try {
    for (const folder of WATCHED) addTree(join(root, folder))
  } catch (error) {
    for (const w of watchers.values()) w.close()
    throw error
  }
  return {
    close() {
      clearTimeout(timer)
      for (const w of watchers.values()) w.close()
      watchers.clear()
    },
  }
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory()
  } catch {
    return false
  }
}
