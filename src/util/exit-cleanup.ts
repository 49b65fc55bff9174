/**
 * What a press must not leave behind when it stops before its `finally` blocks run (a signal ends it: CI's
 * timeout, Ctrl-C, `kill`): the lock files it holds, the temporary file of a write in progress, its work folders.
 * Each is registered while it exists and, if still there at exit, removed synchronously in the process's `exit`
 * event (which `process.exit` runs; the `finally` blocks it skips do not). A kill -9 runs nothing: the next press
 * takes a dead owner's lock over and removes its temporary files (lock.ts, files.ts).
 */
import { rmSync } from 'node:fs'

/** Each path to remove, with what to stop first (the browser whose profile it is). */
const pending = new Map<string, (() => void) | undefined>()

/** Remove `path` (a file or a folder) at exit, after `stop()`, unless the returned function is called first. */
export function removeAtExit(path: string, stop?: () => void): () => void {
  if (!installed) install()
  pending.set(path, stop)
  return () => pending.delete(path)
}

let installed = false

function install(): void {
  installed = true
  process.on('exit', () => {
    for (const [path, stop] of pending) {
      try {
        stop?.()
        rmSync(path, { recursive: true, force: true, maxRetries: 3 })
      } catch {
        // Exiting: nothing more can be done about a file that will not go.
      }
    }
  })
}
