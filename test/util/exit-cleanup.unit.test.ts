/**
 * A press ended by a signal: exit status 128 + the signal's number, and what it had in progress (a lock it held, a
 * temporary file, a work folder) is gone, while what it had let go of stays. Run in a child process, which
 * signals itself, with the modules the CLI uses.
 */
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, describe, it } from 'node:test'
import { pathToFileURL } from 'node:url'
import { repoRoot } from '../helpers/project.ts'

const module = (path: string): string => JSON.stringify(pathToFileURL(join(repoRoot, 'src', path)).href)

function child(dir: string, signal: string): ReturnType<typeof spawnSync> {
  const script = `
    import { mkdirSync, writeFileSync } from 'node:fs'
    import { join } from 'node:path'
    const { exitOnSignals } = await import(${module('cli/signals.ts')})
    const { removeAtExit } = await import(${module('util/exit-cleanup.ts')})
    const { lockFile } = await import(${module('util/lock.ts')})
    const dir = ${JSON.stringify(dir)}
    exitOnSignals(process.stderr)
    await lockFile(join(dir, 'fr.json')) // held, never released
    const released = await lockFile(join(dir, 'ar.json'))
    await released()
    mkdirSync(join(dir, 'work'))
    writeFileSync(join(dir, 'work', 'page.pdf'), 'x')
    removeAtExit(join(dir, 'work'))
    writeFileSync(join(dir, 'kept.txt'), 'x')
    removeAtExit(join(dir, 'kept.txt'))() // let go of: not ours to remove any more
    process.kill(process.pid, ${JSON.stringify(signal)})
    await new Promise((resolve) => setTimeout(resolve, 10_000)) // the signal ends it before this does
    process.stdout.write('still running')
  `
  return spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: repoRoot, encoding: 'utf8' })
}

describe('a signal stops press and it cleans up after itself', () => {
  const dirs: string[] = []
  after(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })))

  for (const [signal, status] of [
    ['SIGTERM', 143],
    ['SIGINT', 130],
    ['SIGHUP', 129],
  ] as const) {
    it(`should exit ${status} on ${signal}, its lock and work folder removed, nothing else`, () => {
      const dir = mkdtempSync(join(tmpdir(), 'press-signal-'))
      dirs.push(dir)
      const run = child(dir, signal)
      assert.equal(run.status, status, `${run.stdout}${run.stderr}`)
      assert.equal(run.stdout, '', 'it stopped at the signal')
      assert.match(String(run.stderr), new RegExp(`press: stopped by ${signal}`))
      assert.equal(existsSync(join(dir, 'fr.json.lock')), false, 'the lock it held is gone')
      assert.equal(existsSync(join(dir, 'work')), false, 'its work folder is gone')
      assert.equal(existsSync(join(dir, 'kept.txt')), true, 'a file it let go of stays')
    })
  }
})
