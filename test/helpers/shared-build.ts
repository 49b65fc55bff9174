/**
 * Builds shared by the test files of one run (`node scripts/run-tests.mjs` runs them in parallel processes): the first
 * file that asks for a build makes it, the others wait for it and read the same folder (read-only: a test that changes
 * files copies them first). The folder is the run's (PRESS_TEST_SHARED, made and removed by run-tests.mjs), so every
 * run builds afresh; without it (a file run by hand) each test process has its own.
 */
import { mkdirSync, mkdtempSync } from 'node:fs'
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'

const root = process.env.PRESS_TEST_SHARED ?? mkdtempSync(join(tmpdir(), 'press-shared-'))
const made = new Map<string, Promise<string>>()

const exists = (path: string): Promise<boolean> =>
  stat(path).then(
    () => true,
    () => false,
  )

/** Whether the process that holds `lock` is gone (it died while building: the build is to be made again). */
async function abandoned(lock: string): Promise<boolean> {
  const pid = Number(await readFile(join(lock, 'pid'), 'utf8').catch(() => ''))
  if (!pid) return false // just made, its pid not written yet
  try {
    process.kill(pid, 0)
    return false
  } catch {
    return true
  }
}

async function makeOnce(name: string, make: (dir: string) => Promise<void>): Promise<string> {
  mkdirSync(root, { recursive: true })
  const done = join(root, name)
  const lock = join(root, `${name}.lock`)
  for (;;) {
    if (await exists(done)) return done
    const mine = await mkdir(lock).then(
      () => true,
      () => false,
    )
    if (mine) {
      try {
        await writeFile(join(lock, 'pid'), String(process.pid))
        if (await exists(done)) return done
        const building = join(root, `${name}.building-${process.pid}`)
        await rm(building, { recursive: true, force: true })
        await mkdir(building)
        await make(building)
        await rename(building, done)
        return done
      } finally {
        await rm(lock, { recursive: true, force: true })
      }
    }
    if (await abandoned(lock)) await rm(lock, { recursive: true, force: true })
    else await sleep(500)
  }
}

/**
 * The folder `make` filled for `name` in this run, made once: `make` gets an empty folder and fills it; a failure is
 * thrown to the file that made it, and the next file that asks tries again.
 */
export function sharedBuild(name: string, make: (dir: string) => Promise<void>): Promise<string> {
  let pending = made.get(name)
  if (!pending) {
    pending = makeOnce(name, make)
    pending.catch(() => made.delete(name))
    made.set(name, pending)
  }
  return pending
}
