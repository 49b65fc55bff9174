/**
 * Watches the inputs of a build (content/, translations/, templates/ and each
 * publication.yaml inside content/) with Node's recursive fs.watch (inotify on
 * Linux: one watch per folder, see the README on its limit), and reports the
 * changed paths in batches after `debounceMs` of quiet. Temporary files of
 * atomic writes and lock files are ignored: only their rename lands.
 */
import { watch, type FSWatcher } from 'node:fs'
import { join, relative, sep } from 'node:path'
import { problem, PressError } from '../../util/problems.ts'

export const WATCHED = ['content', 'translations', 'templates'] as const

export interface Watcher {
  close(): void
}

const ignored = (name: string): boolean => /(^|[\\/])\.[^\\/]*press-tmp-|\.lock$|~$|\.swp$|(^|[\\/])\.#/.test(name)

export function watchInputs(root: string, onChange: (paths: string[]) => void, debounceMs = 60): Watcher {
  const pending = new Set<string>()
  let timer: NodeJS.Timeout | undefined
  const watchers: FSWatcher[] = []
  const flush = (): void => {
    timer = undefined
    const paths = [...pending].sort()
    pending.clear()
    if (paths.length > 0) onChange(paths)
  }
  for (const folder of WATCHED) {
    try {
      const watcher = watch(join(root, folder), { recursive: true }, (_event, name) => {
        if (name === null || ignored(name)) return
        pending.add([folder, ...String(name).split(sep)].join('/'))
        clearTimeout(timer)
        timer = setTimeout(flush, debounceMs)
      })
      watcher.on('error', () => undefined)
      watchers.push(watcher)
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      if (code === 'ENOENT' && folder !== 'content') continue
      for (const w of watchers) w.close()
      throw new PressError(
        problem(
          code === 'ENOSPC' ? 'Out of inotify watches: cannot watch the project for changes.' : `Cannot watch ${folder}/ (${code}).`,
          {
            file: relative(process.cwd(), join(root, folder)) || folder,
            hint:
              code === 'ENOSPC'
                ? 'Raise the limit: `sudo sysctl fs.inotify.max_user_watches=524288` (see "Preview" in the README).'
                : 'Check that the folder exists and can be read.',
          },
        ),
      )
    }
  }
  return {
    close() {
      clearTimeout(timer)
      for (const w of watchers) w.close()
    },
  }
}
