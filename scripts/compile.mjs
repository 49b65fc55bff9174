#!/usr/bin/env node
// Compiles src/ to plain JavaScript in lib/ (git-ignored) with tsc and
// tsconfig.build.json, so `press` starts without compiling TypeScript at every
// run. Files in src/ that are not TypeScript (the paginator that runs in the
// page, …) are copied as they are, unless tsc wrote a file of that name.
// `node scripts/compile.mjs` always compiles; `--if-stale` only when lib/ is
// missing or older than src/. Called by npm's `prepare`, scripts/setup.mjs
// (`npm run build`, `npm test`), scripts/run-tests.mjs and the test helpers.
// Then scripts/bundle-vendor.mjs bundles the packages lib/ imports (esbuild; `--no-bundle` skips it),
// so a command loads a few files instead of some 300 modules. Plain Node otherwise.
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  rmdirSync,
  utimesSync,
  writeFileSync,
} from 'node:fs'
import { join, relative } from 'node:path'
import { bundleVendor } from './bundle-vendor.mjs'
import { isStale, libDir, root, srcDir, stampFile } from './compile-state.mjs'

const lockDir = join(root, 'lib.lock')

function tscPath() {
  const bin = join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'tsc.cmd' : 'tsc')
  return existsSync(bin) ? bin : undefined
}

function copyAssets(from, to) {
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const source = join(from, entry.name)
    const target = join(to, entry.name)
    if (entry.isDirectory()) copyAssets(source, target)
    else if (!entry.name.endsWith('.ts') && !existsSync(target)) {
      mkdirSync(to, { recursive: true })
      copyFileSync(source, target)
    }
  }
}

/** sha256 over `/<path>:<sha256 of its bytes>` lines of every file under `dir`, sorted (as src/project/inputs.ts does). */
function codeHash(dir) {
  const files = readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name !== '.code-hash')
    .map((entry) => join(entry.parentPath, entry.name))
    .sort()
  const sha = (data) => createHash('sha256').update(data).digest('hex')
  return sha(files.map((file) => `${file.slice(dir.length)}:${sha(readFileSync(file))}`).join('\n'))
}

async function compile() {
  const tsc = tscPath()
  if (!tsc) {
    console.error('compile: TypeScript (tsc) is not installed; `press` runs from the TypeScript sources through tsx instead.')
    return 0
  }
  const temp = join(root, `lib.tmp-${process.pid}`)
  const started = new Date() // the stamp's time: a source edited during the compile makes lib/ stale
  rmSync(temp, { recursive: true, force: true })
  const result = spawnSync(tsc, ['-p', join(root, 'tsconfig.build.json'), '--outDir', temp], { cwd: root, stdio: 'inherit' })
  if (result.status !== 0) {
    rmSync(temp, { recursive: true, force: true })
    console.error(
      `compile: tsc -p tsconfig.build.json failed${result.status ? ` (exit status ${result.status})` : ''}; see its output above.`,
    )
    return 1
  }
  copyAssets(srcDir, temp)
  if (!process.argv.includes('--no-bundle')) await bundleVendor(temp, srcDir)
  const stamp = join(temp, relative(libDir, stampFile))
  writeFileSync(stamp, `compiled from ${relative(root, srcDir)}/ by scripts/compile.mjs\n`)
  utimesSync(stamp, started, started)
  // What src/project/inputs.ts would hash at every start (the tool's fingerprint for the caches), hashed once here.
  writeFileSync(join(temp, '.code-hash'), codeHash(temp) + '\n')
  rmSync(libDir, { recursive: true, force: true })
  renameSync(temp, libDir)
  return 0
}

/** One compile at a time (test files start in parallel): a lock folder, waited for. */
async function withLock(run) {
  const started = Date.now()
  for (;;) {
    try {
      mkdirSync(lockDir)
      break
    } catch (error) {
      if (error.code !== 'EEXIST') throw error
      if (Date.now() - started > 180_000) rmSync(lockDir, { recursive: true, force: true }) // left by a killed compile
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200)
    }
  }
  try {
    return await run()
  } finally {
    rmdirSync(lockDir)
  }
}

const onlyIfStale = process.argv.includes('--if-stale')
const status = await withLock(async () => (onlyIfStale && !isStale() ? 0 : await compile()))
process.exitCode = status
