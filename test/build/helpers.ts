/** Shared by the cache and shard tests: the units a build reports and the sha256 of every file of an output folder. */
import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import { press, type Run } from '../helpers/project.ts'

/** `press build …` that must succeed; returns the units it built and reused (its "Units:" line). */
export function buildUnits(dir: string, args: string[]): { built: string[]; reused: number; run: Run } {
  const run = press(dir, ['build', ...args])
  assert.equal(run.status, 0, run.stderr + run.stdout)
  const line = /^Units: (\d+) built(?: \((.*)\))?, (\d+) reused from the cache$/m.exec(run.stdout)
  assert.ok(line, `no Units: line in\n${run.stdout}`)
  const built = line[2] ? line[2].split(', ').map((u) => u.replace(/^[^/]+\//, '')) : []
  assert.equal(built.length, Number(line[1]))
  return { built: built.sort(), reused: Number(line[3]), run }
}

/** path → sha256 of every file under `dir`. */
export function hashes(dir: string): Map<string, string> {
  const found = new Map<string, string>()
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue
    const path = join(entry.parentPath, entry.name)
    found.set(relative(dir, path).split(sep).join('/'), createHash('sha256').update(readFileSync(path)).digest('hex'))
  }
  return new Map([...found].sort(([a], [b]) => (a < b ? -1 : 1)))
}

/** The paths whose sha256 differ between two snapshots (or that only one has). */
export function changed(before: Map<string, string>, after: Map<string, string>): string[] {
  const paths = new Set([...before.keys(), ...after.keys()])
  return [...paths].filter((p) => before.get(p) !== after.get(p)).sort()
}
