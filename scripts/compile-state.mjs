// Whether lib/ (the compiled CLI) is missing or older than src/: read by
// bin/press.js at every start, so it only looks at modification times.
import { readdirSync, statSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const root = join(dirname(fileURLToPath(import.meta.url)), '..')
export const srcDir = join(root, 'src')
export const libDir = join(root, 'lib')
/** Written last by a successful compile: its time is the compile's. */
export const stampFile = join(libDir, '.compiled')
const configs = ['tsconfig.json', 'tsconfig.build.json'].map((name) => join(root, name))

/**
 * Whether anything under `dir` (files and folders: a deleted file changes its folder) was modified after `time`.
 * One listing per folder and one stat per entry, stopping at the first newer one: this runs at every start of `press`.
 */
function modifiedAfter(time, dir = srcDir) {
  if (statSync(dir).mtimeMs > time) return true
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = `${dir}/${entry.name}`
    if (entry.isDirectory() ? modifiedAfter(time, path) : statSync(path).mtimeMs > time) return true
  }
  return false
}

export function isStale() {
  let compiled
  try {
    compiled = statSync(stampFile).mtimeMs
  } catch {
    return true
  }
  try {
    return configs.some((path) => statSync(path).mtimeMs > compiled) || modifiedAfter(compiled)
  } catch {
    return false // no sources to compile from (an installed package without src/): use lib/ as it is
  }
}
