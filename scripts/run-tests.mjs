#!/usr/bin/env node
// Runs every test/**/*.test.ts with Node's test runner through tsx.
// (Node 20's --test does not expand globs itself.)
import { spawnSync } from 'node:child_process'
import { readdirSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const only = process.argv.slice(2)

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

const files = find(join(root, 'test'))
  .filter((file) => only.length === 0 || only.some((o) => file.includes(o)))
  .sort()
const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', ...files], { cwd: root, stdio: 'inherit' })
process.exit(result.status ?? 1)
