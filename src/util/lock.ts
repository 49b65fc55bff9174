/**
 * One writer at a time: a lock file beside the file being updated
 * (`<file>.lock`, made with O_EXCL, holding the owner's pid and host). A
 * second press waits for it (bounded), then says that another press is
 * running, naming the lock and the file. A lock left by a process that is gone
 * (kill -9, a crash) is taken over at once: its pid no longer runs here.
 *
 * Read-modify-write happens inside the lock, so no update is lost.
 */
import { hostname } from 'node:os'
import { mkdir, open, readFile, rm, stat } from 'node:fs/promises'
import { dirname } from 'node:path'
import * as z from 'zod'
import { processAlive } from './files.ts'
import { asPressError, shownPath } from './fs-errors.ts'
import { problem, PressError } from './problems.ts'
import { removeAtExit } from './exit-cleanup.ts'

export const LOCK_SUFFIX = '.lock'

/** The locks this process holds: each removed at exit if a signal ends it before its release. */
const held = new Map<string, () => void>()

const owner = z.object({ pid: z.number().int().positive(), host: z.string(), since: z.string() })

export interface LockOptions {
  /** How long to wait for another press, in ms (default: PRESS_LOCK_WAIT seconds, else 30 s). */
  waitMs?: number
}

export function lockWaitMs(env: NodeJS.ProcessEnv = process.env): number {
  const seconds = Number(env.PRESS_LOCK_WAIT)
  return Number.isFinite(seconds) && seconds >= 0 && env.PRESS_LOCK_WAIT !== undefined && env.PRESS_LOCK_WAIT !== ''
    ? seconds * 1000
    : 30_000
}

/** Run `work` holding the locks of `files` (taken in sorted order, so two presses never deadlock). */
export async function withFileLocks<T>(files: readonly string[], work: () => Promise<T>, options: LockOptions = {}): Promise<T> {
  const sorted = [...new Set(files)].sort()
  const taken: string[] = []
  try {
    for (const file of sorted) if (await acquire(file, options.waitMs ?? lockWaitMs())) taken.push(file)
    return await work()
  } finally {
    for (const file of taken.reverse()) await release(file)
  }
}

export function withFileLock<T>(file: string, work: () => Promise<T>, options: LockOptions = {}): Promise<T> {
  return withFileLocks([file], work, options)
}

/** Take the lock of `file`; false when its folder is read-only (nobody can write there, so nothing to guard). */
async function acquire(file: string, waitMs: number): Promise<boolean> {
  const lock = file + LOCK_SUFFIX
  const me = JSON.stringify({ pid: process.pid, host: hostname(), since: new Date().toISOString() }) + '\n'
  const deadline = Date.now() + waitMs
  let delay = 25
  try {
    await mkdir(dirname(lock), { recursive: true })
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'EROFS' || code === 'EACCES' || code === 'EPERM') return false
    throw asPressError(error, lock, 'lock')
  }
  for (;;) {
    try {
      const handle = await open(lock, 'wx')
      held.set(lock, removeAtExit(lock))
      try {
        await handle.writeFile(me)
      } catch (error) {
        await handle.close()
        await release(file)
        throw asPressError(error, lock, 'lock')
      }
      await handle.close()
      return true
    } catch (error) {
      if (error instanceof PressError) throw error
      const code = (error as NodeJS.ErrnoException).code
      if (code === 'EROFS' || code === 'EACCES' || code === 'EPERM') return false
      if (code !== 'EEXIST') throw asPressError(error, lock, 'lock')
    }
    if (await breakIfStale(lock)) continue
    if (Date.now() >= deadline) throw busy(file, lock, await holder(lock))
    await new Promise((resolve) => setTimeout(resolve, delay))
    delay = Math.min(delay * 2, 500)
  }
}

async function release(file: string): Promise<void> {
  const lock = file + LOCK_SUFFIX
  // Forgotten first: once removed, the lock may be another press's, which an exit must not remove.
  held.get(lock)?.()
  held.delete(lock)
  await rm(lock, { force: true })
}

async function holder(lock: string): Promise<z.infer<typeof owner> | undefined> {
  try {
    const parsed = owner.safeParse(JSON.parse(await readFile(lock, 'utf8')))
    return parsed.success ? parsed.data : undefined
  } catch {
    return undefined
  }
}

/**
 * Remove `lock` if its owner is gone. Breaking is itself serialised by a
 * second, short-lived lock, and the owner is read again under it, so two
 * waiting presses never remove a lock that a third has just taken.
 */
async function breakIfStale(lock: string): Promise<boolean> {
  if (!(await isStale(lock))) return false
  const breaker = lock + '.break'
  try {
    await (await open(breaker, 'wx')).close()
  } catch {
    // Another press is breaking it; a breaker older than 5 s was left by a killed one.
    const age = await stat(breaker).then(
      (s) => Date.now() - s.mtimeMs,
      () => 0,
    )
    if (age > 5000) await rm(breaker, { force: true })
    return false
  }
  try {
    if (!(await isStale(lock))) return false
    await rm(lock, { force: true })
    return true
  } finally {
    await rm(breaker, { force: true })
  }
}

async function isStale(lock: string): Promise<boolean> {
  const info = await holder(lock)
  if (info) return info.host === hostname() && !processAlive(info.pid)
  // Unreadable or half-written (its writer was killed between create and write): stale after a moment.
  const age = await stat(lock).then(
    (s) => Date.now() - s.mtimeMs,
    () => 0,
  )
  return age > 2000
}

function busy(file: string, lock: string, info: z.infer<typeof owner> | undefined): PressError {
  const who = info ? `(pid ${info.pid} on ${info.host}, since ${info.since})` : ''
  return new PressError(
    problem(`Another press is running ${who}: it holds ${shownPath(lock)}, so this file is not changed.`.replace('  ', ' '), {
      file: shownPath(file),
      hint:
        'Wait for it to finish and run again. ' +
        `If no press is running (the lock was left by another machine or a crash), delete ${shownPath(lock)}.`,
      ruleId: 'locked',
    }),
  )
}

/** Take the lock of `file` and return its release (for code that cannot wrap its work in a callback). */
export async function lockFile(file: string, options: LockOptions = {}): Promise<() => Promise<void>> {
  const taken = await acquire(file, options.waitMs ?? lockWaitMs())
  return async () => {
    if (taken) await release(file)
  }
}
