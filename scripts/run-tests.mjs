#!/usr/bin/env node
// Runs the tests with Node's test runner through tsx (Node 20's --test does not expand globs itself).
//
// Two layers:
//   --unit  the fast layer: test/**/*.unit.test.ts — pure functions, fixtures and in-process commands on a
//           temp copy of the project; no browser, no Java, no full build (`npm run test:unit`, under a minute);
//   --e2e   every other test/**/*.test.ts: the real CLI, Chromium, epubcheck, vnu, Ace (`npm run test:e2e`).
// Without a layer flag, both. Other arguments keep only the files whose path contains one of them.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { availableParallelism, tmpdir } from 'node:os'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const args = process.argv.slice(2)
const layers = args.filter((a) => a === '--unit' || a === '--e2e')
const only = args.filter((a) => !layers.includes(a))

function find(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return entry.name === 'fixtures' ? [] : find(path)
    return entry.name.endsWith('.test.ts') ? [relative(root, path)] : []
  })
}

// The tests run the compiled CLI (what ships): compile it first when src/ changed.
const compiled = spawnSync(process.execPath, [join(root, 'scripts', 'compile.mjs'), '--if-stale'], { cwd: root, stdio: 'inherit' })
if (compiled.status !== 0) process.exit(compiled.status ?? 1)

// The longest files start first (longest first), the others after them in name order: both workers stay busy to the end.
const longest = [
  'test/languages/editions.test.ts',
  'test/pdf/reproducible.test.ts',
  'test/build/shard.test.ts',
  'test/build/cache.test.ts',
  'test/epub/validation.test.ts',
]
const rank = (file) => (longest.includes(file) ? longest.indexOf(file) : longest.length)
const layerOf = (file) => (file.endsWith('.unit.test.ts') ? '--unit' : '--e2e')
const files = find(join(root, 'test'))
  .filter((file) => layers.length === 0 || layers.includes(layerOf(file)))
  .filter((file) => only.length === 0 || only.some((o) => file.includes(o)))
  .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))
if (files.length === 0) {
  console.error(`No test file matches ${args.join(' ')}.`)
  process.exit(1)
}
// Node 20 runs (cores − 1) files at once: one at a time on a 2-core machine. The tests are mostly waiting on
// Chromium, Java and child processes, so as many files as cores keeps both busy.
const concurrency = `--test-concurrency=${Math.max(2, availableParallelism())}`
// The builds the files of this run share (test/helpers/shared-build.ts): made afresh in every run.
const shared = mkdtempSync(join(tmpdir(), 'press-test-run-'))
const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', concurrency, '--test-reporter=spec', ...files], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, PRESS_TEST_SHARED: shared },
})
rmSync(shared, { recursive: true, force: true })
process.exit(result.status ?? 1)
