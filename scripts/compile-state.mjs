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

/** The newest modification time of src/ (files and folders: a deleted file changes its folder) and the tsconfig files. */
function newestSource(dir = srcDir) {
  // One listing of the whole tree, then one stat per entry: this runs at every start of `press`.
  let newest = statSync(dir).mtimeMs
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true }))
    newest = Math.max(newest, statSync(join(entry.parentPath ?? entry.path, entry.name)).mtimeMs)
  return newest
}

export function isStale() {
  let compiled
  try {
    compiled = statSync(stampFile).mtimeMs
  } catch {
    return true
  }
  let sources
  try {
    sources = Math.max(newestSource(), ...configs.map((path) => statSync(path).mtimeMs))
  } catch {
    return false // no sources to compile from (an installed package without src/): use lib/ as it is
  }
  return sources > compiled
}
