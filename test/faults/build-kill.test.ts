/**
 * kill -9 of `press build` part-way: every output dist/ had before is still
 * there and whole (byte-identical: the inputs did not change and builds are
 * reproducible), nothing new looks like an edition, and the next build removes
 * what the killed one left.
 */
import assert from 'node:assert/strict'
import { spawn, spawnSync } from 'node:child_process'
import { readdirSync, readFileSync, rmSync } from 'node:fs'
import { setTimeout as sleep } from 'node:timers/promises'
import { join, relative } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { copyProject, press, repoRoot } from '../helpers/project.ts'
import { alive, descendants, snapshotFiles } from './helpers.ts'

const TEMP = /^\..+\.press-tmp-\d+-[0-9a-z]+$/

function allFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
}

/**
 * Start `press build …` and kill -9 it after it printed `lines` "wrote" lines; `spawned` are the processes it had
 * started then (Chromium's among them once the PDF stage began).
 */
function killAfter(cwd: string, args: string[], lines: number): Promise<{ wrote: number; killed: boolean; spawned: Map<number, string> }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(repoRoot, 'bin', 'press.js'), ...args], {
      cwd,
      env: { ...process.env, CI: '', SOURCE_DATE_EPOCH: '1571529600' },
    })
    let wrote = 0
    let killed = false
    let spawned = new Map<number, string>()
    const count = (data: Buffer): void => {
      wrote += (String(data).match(/wrote /g) ?? []).length
      if (!killed && wrote >= lines) {
        killed = true
        spawned = descendants(child.pid!)
        child.kill('SIGKILL')
      }
    }
    child.stdout.on('data', count)
    child.stderr.on('data', count)
    child.on('exit', () => resolve({ wrote, killed, spawned }))
  })
}

function assertIntact(dist: string, before: Map<string, string>): void {
  const now = snapshotFiles(dist, ['.'])
  for (const [path, bytes] of before) assert.equal(now.get(path), bytes, `${path} is still whole and unchanged`)
  for (const path of now.keys()) {
    if (before.has(path)) continue
    const name = path.split('/').pop()!
    assert.match(name, TEMP, `${path}: only hidden temporary files are new`)
    assert.doesNotMatch(name, /\.(html|epub|pdf)$/, `${path} does not look like an edition`)
  }
}

describe('kill -9 of press build', () => {
  let dir: string
  before(() => {
    dir = copyProject()
  })
  after(() => rmSync(dir, { recursive: true, force: true }))

  it('should leave every earlier HTML output whole after a kill at several points, and the next build cleans up', async () => {
    const first = press(dir, ['build', '--format', 'html'])
    assert.equal(first.status, 0, first.stderr)
    const dist = join(dir, 'dist')
    const before = snapshotFiles(dist, ['.'])
    for (const lines of [1, 4, 12]) {
      const run = await killAfter(dir, ['build', '--format', 'html', '--no-cache'], lines) // render again, not restore from .press-cache/
      assert.ok(run.killed, `killed after ${lines} wrote lines (saw ${run.wrote})`)
      assertIntact(dist, before)
    }
    const next = press(dir, ['build', '--format', 'html'])
    assert.equal(next.status, 0, next.stderr)
    assert.deepEqual(
      allFiles(dist).filter((p) => TEMP.test(p.split('/').pop()!)),
      [],
      'no temporary file is left after the next build',
    )
    assert.deepEqual(snapshotFiles(dist, ['.']), before)
  })

  it('should leave the PDFs and EPUBs valid after a kill during a PDF build (qpdf --check, unzip -t)', async () => {
    const args = ['build', '--lang', 'en', '--format', 'epub,pdf']
    const first = press(dir, args)
    assert.equal(first.status, 0, first.stderr)
    const dist = join(dir, 'dist')
    const before = snapshotFiles(dist, ['.'])
    const run = await killAfter(dir, [...args, '--no-cache'], 2) // render again, not restore from .press-cache/
    assert.ok(run.killed, `killed after 2 wrote lines (saw ${run.wrote})`)
    // The browser it launched goes with it (it reads its commands from a pipe that closed), not left running.
    const browsers = [...run.spawned].filter(([, command]) => /chrom/i.test(command))
    assert.ok(browsers.length > 0, `the build had started its browser when it was killed: ${[...run.spawned.values()].join('; ')}`)
    for (let waited = 0; waited < 10_000 && browsers.some(([pid]) => alive(pid)); waited += 100) await sleep(100)
    const left = browsers.filter(([pid]) => alive(pid)).map(([pid, command]) => `${pid} ${command.slice(0, 80)}`)
    assert.deepEqual(left, [], 'no Chromium process outlives the killed build')
    assertIntact(dist, before)
    const editions = allFiles(dist).filter((p) => /\.(pdf|epub)$/.test(p))
    assert.ok(editions.some((p) => p.endsWith('.pdf')) && editions.some((p) => p.endsWith('.epub')))
    for (const path of editions) {
      const check = path.endsWith('.pdf') ? spawnSync('qpdf', ['--check', join(dist, path)]) : spawnSync('unzip', ['-tq', join(dist, path)])
      assert.equal(check.status, 0, `${path}: ${String(check.stdout)}${String(check.stderr)}`)
    }
    assert.ok(readFileSync(join(dist, editions[0]!)).length > 0)
  })
})
