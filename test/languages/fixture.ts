/** The multi-script fixture (test/fixtures/multi-script) as a throwaway project. */
import { execFileSync } from 'node:child_process'
import { cpSync, mkdirSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { repoRoot } from '../helpers/project.ts'

export const fixtureId = 'multi-script'
export const fixtureLanguages = ['de', 'el', 'ja', 'ko', 'zh-Hant', 'he', 'hi', 'th'] as const
export const configPath = `content/${fixtureId}/publication.yaml`

/** content/ and translations/ of the fixture, templates/ and the English ui.json of the repo, in a new git folder. */
export function copyFixture(): string {
  const dir = mkdtempSync(join(tmpdir(), 'press-scripts-'))
  cpSync(join(repoRoot, 'test', 'fixtures', fixtureId), dir, { recursive: true })
  cpSync(join(repoRoot, 'templates'), join(dir, 'templates'), { recursive: true })
  mkdirSync(join(dir, 'translations', 'en'), { recursive: true })
  cpSync(join(repoRoot, 'translations', 'en', 'ui.json'), join(dir, 'translations', 'en', 'ui.json'))
  execFileSync('git', ['init', '-q'], { cwd: dir })
  return dir
}
