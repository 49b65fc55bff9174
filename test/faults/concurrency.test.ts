/**
 * Two presses on the same files at once: writers take the file's lock, so no
 * update is lost and the JSON stays valid; a press that cannot get the lock in
 * time says another press is running; a lock left by a killed press is taken over.
 */
import assert from 'node:assert/strict'
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { hostname } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { copyProject, press, publicationId, repoRoot, type Run } from '../helpers/project.ts'
import { assertNoStack, editedExport, firstLine, snapshotFiles } from './helpers.ts'

const fr = `translations/fr/${publicationId}.json`

function pressAsync(cwd: string, args: string[], env: NodeJS.ProcessEnv = {}): { done: Promise<Run>; pid: number } {
  const child = spawn(process.execPath, [join(repoRoot, 'bin', 'press.js'), ...args], {
    cwd,
    env: { ...process.env, CI: '', SOURCE_DATE_EPOCH: '1571529600', ...env },
  })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (d) => (stdout += d))
  child.stderr.on('data', (d) => (stderr += d))
  const done = new Promise<Run>((resolve) =>
    child.on('exit', (code, signal) => resolve({ status: code ?? (signal ? -1 : 0), stdout, stderr })),
  )
  return { done, pid: child.pid! }
}

describe('concurrent writers', () => {
  let dir: string
  before(() => {
    dir = copyProject()
    writeFileSync(join(dir, 'a.xlf'), editedExport(dir, 'fr', { 0: 'Première révision.' }))
    writeFileSync(join(dir, 'b.xlf'), editedExport(dir, 'fr', { 2: 'Deuxième révision.' }))
  })
  after(() => rmSync(dir, { recursive: true, force: true }))

  it('should keep both updates when two imports of different units of one language run at once', async () => {
    // Each import waits 1.5 s between reading the file and writing it (PRESS_TEST_FAULT=delay): without the lock one update is lost.
    const env = { PRESS_TEST_FAULT: 'delay:1500' }
    const [a, b] = await Promise.all([pressAsync(dir, ['import', 'a.xlf'], env).done, pressAsync(dir, ['import', 'b.xlf'], env).done])
    assert.equal(a.status, 0, a.stderr)
    assert.equal(b.status, 0, b.stderr)
    const text = readFileSync(join(dir, fr), 'utf8')
    const entries = Object.values((JSON.parse(text) as { entries: Record<string, { text: string }> }).entries).map((e) => e.text)
    assert.ok(entries.includes('Première révision.'), 'the first import is in the file')
    assert.ok(entries.includes('Deuxième révision.'), 'the second import is in the file')
    assert.equal(existsSync(join(dir, fr + '.lock')), false, 'the lock is released')
  })

  it('should say that another press is running, naming the lock and the file, when the lock stays taken', () => {
    const lock = join(dir, fr + '.lock')
    // The test runner itself holds the lock: a live process on this machine.
    writeFileSync(lock, JSON.stringify({ pid: process.pid, host: hostname(), since: '2026-12-01T00:00:00.000Z' }) + '\n')
    try {
      writeFileSync(join(dir, 'c.xlf'), editedExport(dir, 'fr', { 1: 'Troisième révision.' }))
      const before = snapshotFiles(dir)
      const run = press(dir, ['import', 'c.xlf'], { PRESS_LOCK_WAIT: '1' })
      assert.equal(run.status, 1, run.stderr)
      assertNoStack(run.stderr)
      assert.equal(
        firstLine(run.stderr),
        `${fr}: Another press is running (pid ${process.pid} on ${hostname()}, since 2026-12-01T00:00:00.000Z): ` +
          `it holds ${fr}.lock, so this file is not changed.`,
      )
      assert.match(run.stderr, new RegExp(`hint: Wait for it to finish and run again\\. If no press is running .*delete ${fr}\\.lock\\.`))
      assert.deepEqual(snapshotFiles(dir), before)
    } finally {
      rmSync(lock, { force: true })
    }
  })

  it('should take over a lock left by a press that was killed, at once', () => {
    // A pid that no longer runs: a short-lived child that has exited (and been reaped).
    const dead = Number(spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout)
    const lock = join(dir, fr + '.lock')
    writeFileSync(lock, JSON.stringify({ pid: dead, host: hostname(), since: '2026-12-01T00:00:00.000Z' }) + '\n')
    writeFileSync(join(dir, 'd.xlf'), editedExport(dir, 'fr', { 3: 'Quatrième révision.' }))
    const run = press(dir, ['import', 'd.xlf'], { PRESS_LOCK_WAIT: '0' })
    assert.equal(run.status, 0, run.stderr)
    assert.match(readFileSync(join(dir, fr), 'utf8'), /Quatrième révision\./)
    assert.equal(existsSync(lock), false)
  })

  it('should never leave a truncated or invalid translation file when press import or sync is killed while writing', async () => {
    const lock = join(dir, fr + '.lock')
    const runs: [string[], string][] = [
      [['import', 'a.xlf', '--force'], 'Première révision bis.'],
      [['sync', '--lang', 'fr'], ''],
      [['import', 'b.xlf', '--force'], 'Deuxième révision bis.'],
    ]
    for (const [i, [args, text]] of runs.entries()) {
      if (text) writeFileSync(join(dir, args[1]!), editedExport(dir, 'fr', { [i === 0 ? 0 : 2]: text }))
      const old = readFileSync(join(dir, fr), 'utf8')
      const child = pressAsync(dir, args)
      // Kill it once it holds the lock: between its read and its write, or during the write.
      const killed = new Promise<void>((resolve) => {
        const poll = setInterval(() => {
          if (existsSync(lock)) {
            clearInterval(poll)
            setTimeout(() => {
              process.kill(child.pid, 'SIGKILL')
              resolve()
            }, Math.random() * 20)
          }
        }, 1)
        void child.done.then(() => {
          clearInterval(poll)
          resolve()
        })
      })
      await killed
      await child.done
      const now = readFileSync(join(dir, fr), 'utf8')
      JSON.parse(now) // parses
      assert.ok(now === old || now.length > 1000, `run ${i}: the old file or a whole new one`)
    }
    // The next press is not blocked by what the killed ones left.
    const run = press(dir, ['sync', '--lang', 'fr'], { PRESS_LOCK_WAIT: '5' })
    assert.equal(run.status, 0, run.stderr)
    assert.equal(existsSync(lock), false)
  })
})
