/** House limits: no file in src/ over 400 lines; no line in src/, test/, scripts/ over 140 characters. */
import assert from 'node:assert/strict'
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, it } from 'node:test'
import { repoRoot } from '../helpers/project.ts'

const MAX_FILE_LINES = 400
const MAX_LINE_LENGTH = 140

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return entry.name === 'fixtures' || entry.name === 'node_modules' ? [] : files(path)
    return /\.(ts|mts|js|mjs|cjs)$/.test(entry.name) ? [path] : []
  })
}

const lines = (path: string): string[] => readFileSync(path, 'utf8').replace(/\n$/, '').split('\n')

describe('file and line sizes', () => {
  it(`should keep every file in src/ at ${MAX_FILE_LINES} lines or fewer`, () => {
    const long = files(join(repoRoot, 'src'))
      .map((path) => ({ path: relative(repoRoot, path), count: lines(path).length }))
      .filter((f) => f.count > MAX_FILE_LINES)
      .map((f) => `${f.path}: ${f.count} lines`)
    assert.deepEqual(long, [])
  })

  it(`should keep every line in src/, test/ and scripts/ at ${MAX_LINE_LENGTH} characters or fewer`, () => {
    const long = ['src', 'test', 'scripts'].flatMap((folder) =>
      files(join(repoRoot, folder)).flatMap((path) =>
        lines(path).flatMap((line, index) =>
          [...line].length > MAX_LINE_LENGTH ? [`${relative(repoRoot, path)}:${index + 1}: ${[...line].length} characters`] : [],
        ),
      ),
    )
    assert.deepEqual(long, [])
  })
})
