/**
 * SIGTERM (what CI's timeout sends) and SIGINT during the PDF stage of `press build`: it stops at once with the
 * shell's status for the signal, the Chromium it launched goes with it, and it leaves no lock, temporary file or
 * work folder behind. Before, puppeteer's own SIGTERM handler closed the browser and the build went on.
 */
import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { after, before, describe, it } from 'node:test'
import { copyProject, press, repoRoot } from '../helpers/project.ts'
import { alive, descendants } from './helpers.ts'

interface Stopped {
  status: number | null
  stderr: string
  /** ms from the signal to the exit. */
  took: number
  browsers: [number, string][]
}

/** Start the build with its own TMPDIR and send `signal` once its Chromium runs and its PDF work folder exists. */
function stopDuringPdfs(cwd: string, temp: string, signal: NodeJS.Signals): Promise<Stopped> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [join(repoRoot, 'bin', 'press.js'), 'build', '--lang', 'en,fr', '--format', 'pdf', '--no-cache'],
      {
        cwd,
        env: { ...process.env, CI: '', SOURCE_DATE_EPOCH: '1571529600', TMPDIR: temp },
      },
    )
    let stderr = ''
    child.stderr.on('data', (data: Buffer) => (stderr += String(data)))
    let sent: number | undefined
    let browsers: [number, string][] = []
    const poll = setInterval(() => {
      if (sent !== undefined) return
      browsers = [...descendants(child.pid!)].filter(([, command]) => /chrom/i.test(command))
      const working = readdirSync(temp).some((name) => name.startsWith('press-pdf-'))
      if (browsers.length > 0 && working) {
        sent = performance.now()
        child.kill(signal)
      }
    }, 20)
    child.on('error', reject)
    child.on('exit', (status) => {
      clearInterval(poll)
      if (sent === undefined) return reject(new Error(`the build ended before the signal was sent:\n${stderr}`))
      resolve({ status, stderr, took: performance.now() - sent, browsers })
    })
  })
}

/** Files under `dir` whose names say press was in the middle of something (a lock, a temporary file). */
function leftovers(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((path) => /\.lock$|\.lock\.break$|\.press-tmp-/.test(path))
}

describe('a signal during press build', () => {
  let dir: string
  const temps: string[] = []
  before(() => {
    dir = copyProject()
    const ids = press(dir, ['ids']) // the ID lock in place, so the stopped builds mint nothing
    assert.equal(ids.status, 0, ids.stderr)
  })
  after(() => [dir, ...temps].forEach((d) => rmSync(d, { recursive: true, force: true })))

  it('should leave nothing in the temporary folder after a whole build either', () => {
    const temp = mkdtempSync(join(tmpdir(), 'press-signal-e2e-'))
    temps.push(temp)
    const run = press(dir, ['build', '--lang', 'en', '--format', 'pdf', '--no-cache'], { TMPDIR: temp })
    assert.equal(run.status, 0, run.stderr)
    assert.deepEqual(readdirSync(temp), [], 'the work folders and the browser profile were removed')
  })

  for (const [signal, status] of [
    ['SIGTERM', 143],
    ['SIGINT', 130],
  ] as const) {
    it(`should stop at ${signal} with status ${status}, its Chromium and work folders gone`, async () => {
      const temp = mkdtempSync(join(tmpdir(), 'press-signal-e2e-'))
      temps.push(temp)
      const run = await stopDuringPdfs(dir, temp, signal)
      assert.equal(run.status, status, run.stderr)
      assert.match(run.stderr, new RegExp(`press: stopped by ${signal}`))
      assert.doesNotMatch(run.stderr, /^\s+at /m, 'no stack trace')
      assert.ok(run.took < 5000, `stopped ${Math.round(run.took)} ms after the signal`)
      for (let waited = 0; waited < 10_000 && run.browsers.some(([pid]) => alive(pid)); waited += 100) await sleep(100)
      const running = run.browsers.filter(([pid]) => alive(pid)).map(([pid, command]) => `${pid} ${command.slice(0, 80)}`)
      assert.deepEqual(running, [], 'no Chromium process outlives the stopped build')
      assert.deepEqual(readdirSync(temp), [], 'its work folders (and the browser profile) are gone')
      assert.deepEqual(leftovers(dir), [], 'no lock or temporary file is left in the project')
    })
  }
})
