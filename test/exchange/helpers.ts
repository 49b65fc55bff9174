/** A temporary copy of the project for exchange tests, and a snapshot of translations/. */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
export const languages = ['zh', 'fr', 'es', 'ru', 'ar'] as const
export const PUB = 'wuzhen-outlook-2019'

export function tempProject(): { root: string; cleanup: () => void } {
  const root = mkdtempSync(join(tmpdir(), 'press-exchange-'))
  for (const dir of ['content', 'translations', 'templates']) cpSync(join(repo, dir), join(root, dir), { recursive: true })
  return { root, cleanup: () => rmSync(root, { recursive: true, force: true }) }
}

/** Every file under translations/, path → bytes. */
export function snapshot(root: string): Map<string, string> {
  const out = new Map<string, string>()
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name)
      if (entry.isDirectory()) walk(path)
      else out.set(path.slice(root.length), readFileSync(path, 'latin1'))
    }
  }
  walk(join(root, 'translations'))
  return out
}

export function translationFile(root: string, language: string): { path: string; data: any } {
  const path = join(root, 'translations', language, `${PUB}.json`)
  return { path, data: JSON.parse(readFileSync(path, 'utf8')) }
}

/** Give a language file a stale entry (second), a reviewed one (third) and a missing one (fourth). */
export function varyStates(root: string, language: string): string[] {
  const { path, data } = translationFile(root, language)
  const ids = Object.keys(data.entries)
  const stale = data.entries[ids[1]!]
  stale.source = stale.source + ' (an earlier wording)'
  stale.sourceHash = '0123456789abcdef'
  data.entries[ids[2]!].state = 'reviewed'
  data.entries[ids[3]!] = { ...data.entries[ids[3]!], state: 'initial', text: '' }
  writeFileSync(path, JSON.stringify(data, null, 2) + '\n')
  return ids
}
