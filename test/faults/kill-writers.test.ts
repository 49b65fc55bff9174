/**
 * kill -9 of a writer while it writes, many times: the translation file always
 * parses and holds a whole version, the lock a killed writer leaves never blocks
 * the next one, and no temporary file survives the next write.
 */
import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { buildSync } from 'esbuild'
import { repoRoot } from '../helpers/project.ts'

const ITERATIONS = 40

describe('kill -9 of a writer, repeated', () => {
  let dir: string
  let worker: string
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'press-kill-'))
    worker = join(dir, 'worker.mjs')
    buildSync({
      entryPoints: [join(repoRoot, 'test/faults/writer-worker.ts')],
      bundle: true,
      platform: 'node',
      format: 'esm',
      outfile: worker,
      absWorkingDir: repoRoot,
      logLevel: 'silent',
    })
  })
  after(() => rmSync(dir, { recursive: true, force: true }))

  it(`should leave a whole, parseable translation file after each of ${ITERATIONS} kills at random moments`, async () => {
    const root = join(dir, 'project')
    const file = join(root, 'translations', 'fr', 'pub.json')
    mkdirSync(join(root, 'translations', 'fr'), { recursive: true })
    writeFileSync(file, JSON.stringify({ version: 0, pad: '' }) + '\n')
    let last = 0
    let midWrite = 0
    for (let i = 0; i < ITERATIONS; i++) {
      await new Promise<void>((resolve, reject) => {
        const child = spawn(process.execPath, [worker, file, root], {
          cwd: repoRoot,
          env: { ...process.env, PRESS_LOCK_WAIT: '20' },
          stdio: ['ignore', 'pipe', 'pipe'],
        })
        let stderr = ''
        child.stderr.on('data', (d) => (stderr += d))
        child.stdout.on('data', () => setTimeout(() => child.kill('SIGKILL'), Math.random() * 60))
        child.on('exit', (_code, signal) =>
          signal === 'SIGKILL' ? resolve() : reject(new Error(`worker ended without being killed: ${stderr}`)),
        )
      })
      const text = readFileSync(file, 'utf8')
      const data = JSON.parse(text) as { version: number; pad: string }
      assert.ok(Number.isInteger(data.version) && data.version > last, `iteration ${i}: version ${data.version} after ${last}`)
      assert.equal(data.pad.length, 400_000, `iteration ${i}: the file is whole`)
      last = data.version
      if (readdirSync(join(root, 'translations', 'fr')).some((name) => name.includes('.press-tmp-'))) midWrite++
    }
    // The kills landed while writing at least sometimes (a temporary file was left), else this test proves little.
    assert.ok(midWrite > 0, 'some kills interrupted a write')
    // One more writer: it takes over the dead writer's lock and removes the leftovers.
    await new Promise<void>((resolve) => {
      const child = spawn(process.execPath, [worker, file, root], { env: { ...process.env } })
      child.stdout.on('data', () => child.kill('SIGTERM'))
      child.on('exit', () => resolve())
    })
    const left = readdirSync(join(root, 'translations', 'fr')).filter((name) => name.includes('.press-tmp-'))
    assert.ok(left.length <= 1, `at most the last writer's own temporary file is left: ${left.join(', ')}`)
  })
})
