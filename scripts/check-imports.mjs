#!/usr/bin/env node
// The import graph of src/ against the rules in .dependency-cruiser.cjs (floors, no circles).
//
// dependency-cruiser reads TypeScript through the TypeScript compiler API, which TypeScript 7 (a native
// compiler) no longer has. So each src/**/*.ts is first turned into JavaScript with esbuild (tsx's own
// transpiler), every `import type`/`export type` kept as an import so that type imports obey the floors
// too, and its `.ts` specifiers renamed `.js`; dependency-cruiser then reads that copy with its JavaScript
// parser. Violations are reported with the original .ts paths.
//
//   node scripts/check-imports.mjs     prints one line per violation, exit 1 if any
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { transformSync } from 'esbuild'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')

function sourceFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return sourceFiles(path)
    return /\.(ts|js)$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : []
  })
}

/** Keep type-only imports as imports; rename `.ts` specifiers to `.js`. */
function asJavaScript(text) {
  const kept = text
    .replace(/^(\s*)import type /gm, '$1import ')
    .replace(/^(\s*)export type (\{|\*)/gm, '$1export $2')
    .replace(/([{,]\s*)type (\w)/g, '$1$2')
  const { code } = transformSync(kept, { loader: 'ts', format: 'esm', tsconfigRaw: { compilerOptions: { verbatimModuleSyntax: true } } })
  return code.replace(/(from\s+|import\s*\(\s*|import\s+)(['"])(\.{1,2}\/[^'"]+)\.ts\2/g, '$1$2$3.js$2')
}

/** Every violation of .dependency-cruiser.cjs in `<project>/src/`: `rule: from → to`. */
export function importViolations(project = root) {
  const copy = mkdtempSync(join(tmpdir(), 'press-imports-'))
  try {
    for (const file of sourceFiles(join(project, 'src'))) {
      const target = join(copy, relative(project, file)).replace(/\.ts$/, '.js')
      mkdirSync(dirname(target), { recursive: true })
      writeFileSync(target, file.endsWith('.ts') ? asJavaScript(readFileSync(file, 'utf8')) : readFileSync(file))
    }
    const bin = join(root, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs')
    const run = spawnSync(process.execPath, [bin, 'src', '--config', join(root, '.dependency-cruiser.cjs'), '--output-type', 'json'], {
      cwd: copy,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    })
    if (run.error) throw run.error
    const report = JSON.parse(run.stdout)
    const cruised = report.summary.totalCruised
    const expected = sourceFiles(join(project, 'src')).length
    if (cruised < expected) throw new Error(`dependency-cruiser read ${cruised} of ${expected} files in src/`)
    const ts = (path) => path.replace(/\.js$/, '.ts')
    const originals = new Set(sourceFiles(join(project, 'src')).map((f) => relative(project, f)))
    const original = (path) => (originals.has(path) ? path : ts(path))
    return report.summary.violations.map((v) => {
      const cycle = v.cycle ? ` (circle: ${v.cycle.map((c) => original(c.name ?? c)).join(' → ')})` : ''
      return `${v.rule.name}: ${original(v.from)} → ${original(v.to)}${cycle}`
    })
  } finally {
    rmSync(copy, { recursive: true, force: true })
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const violations = importViolations()
  for (const line of violations) console.log(line)
  console.log(`${violations.length} import rule violation${violations.length === 1 ? '' : 's'} in src/`)
  process.exit(violations.length > 0 ? 1 : 0)
}
