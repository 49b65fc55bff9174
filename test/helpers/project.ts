/** A throwaway copy of the project, and the real CLI run against it. */
import { execFileSync, spawnSync } from 'node:child_process'
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
export const publicationId = 'wuzhen-outlook-2019'
export const sourcePath = `content/${publicationId}/outlook.md`
export const lockPath = `content/${publicationId}/ids.lock.json`
export const targets = ['zh', 'fr', 'es', 'ru', 'ar'] as const
export const languages = ['en', ...targets] as const

/** Copy content/, translations/ and templates/ into a new temp folder, or `dir` (a git repo, for build dates). */
export function copyProject(dir = mkdtempSync(join(tmpdir(), 'press-'))): string {
  mkdirSync(dir, { recursive: true })
  for (const folder of ['content', 'translations', 'templates']) cpSync(join(repoRoot, folder), join(dir, folder), { recursive: true })
  execFileSync('git', ['init', '-q'], { cwd: dir })
  return dir
}

export interface Run {
  status: number
  stdout: string
  stderr: string
}

let compiled = false

/** Compile the CLI into lib/ when it is missing or older than src/ (once per test process), so tests run what ships. */
export function ensureCompiled(): void {
  if (compiled) return
  execFileSync(process.execPath, [join(repoRoot, 'scripts', 'compile.mjs'), '--if-stale'], { cwd: repoRoot, stdio: 'pipe' })
  compiled = true
}

/** Run `press` (the compiled CLI in lib/, through bin/press.js) in `cwd` as a user would. */
export function press(cwd: string, args: string[], env: NodeJS.ProcessEnv = {}): Run {
  ensureCompiled()
  const result = spawnSync(process.execPath, [join(repoRoot, 'bin', 'press.js'), ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, CI: '', SOURCE_DATE_EPOCH: '1571529600', ...env },
  })
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr }
}

export function read(dir: string, path: string): string {
  return readFileSync(join(dir, path), 'utf8')
}

export function write(dir: string, path: string, text: string): void {
  mkdirSync(dirname(join(dir, path)), { recursive: true })
  writeFileSync(join(dir, path), text)
}

/** Line number (1-based) of the first line containing `needle`. */
export function lineOf(text: string, needle: string): number {
  const index = text.split('\n').findIndex((line) => line.includes(needle))
  if (index < 0) throw new Error(`"${needle}" not found`)
  return index + 1
}

/** Every entry text and recorded source text of the bundled translation files (a corpus of real paragraphs in six languages). */
export function bundledTranslationTexts(): string[] {
  const texts: string[] = []
  for (const language of targets) {
    const file = JSON.parse(readFileSync(join(repoRoot, 'translations', language, `${publicationId}.json`), 'utf8')) as {
      entries?: Record<string, { text: string; source?: string }>
    }
    for (const entry of Object.values(file.entries ?? {})) texts.push(entry.text, entry.source ?? '')
  }
  return texts
}
