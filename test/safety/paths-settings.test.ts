import assert from 'node:assert/strict'
import { mkdtempSync, readFileSync, renameSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, it } from 'node:test'
import { copyProject, press, sourcePath } from '../helpers/project.ts'
import { filesUnder, stackLine } from './snapshot.ts'

const configPath = 'content/wuzhen-outlook-2019/publication.yaml'

function refused(dir: string, args: string[], expected: string, env: NodeJS.ProcessEnv = {}): void {
  const before = filesUnder(dir)
  const run = press(dir, args, env)
  assert.equal(run.status, 1, run.stdout + run.stderr)
  assert.ok(run.stderr.includes(expected), `expected ${JSON.stringify(expected)} in:\n${run.stderr}`)
  assert.doesNotMatch(run.stdout + run.stderr, stackLine)
  assert.deepEqual(filesUnder(dir), before)
}

describe('paths and settings', () => {
  it('should refuse a source that is a symlink to a file outside the publication folder, at its place in publication.yaml', () => {
    const dir = copyProject()
    const outside = join(mkdtempSync(join(tmpdir(), 'press-outside-')), 'outlook.md')
    renameSync(join(dir, sourcePath), outside)
    symlinkSync(outside, join(dir, sourcePath))
    const config = readFileSync(join(dir, configPath), 'utf8')
    const line = config.split('\n').findIndex((l) => l.startsWith('sources:')) + 1
    refused(
      dir,
      ['check'],
      `${configPath}:${line}:11: The source outlook.md resolves (through a symlink) to ${outside}, outside the publication's folder.`,
    )
  })

  it('should refuse a source path that climbs out with ".."', () => {
    const dir = copyProject()
    const config = readFileSync(join(dir, configPath), 'utf8')
    writeFileSync(join(dir, configPath), config.replace('sources: [outlook.md]', 'sources: [../wuzhen-outlook-2019/outlook.md]'))
    refused(dir, ['check'], `The source ../wuzhen-outlook-2019/outlook.md climbs out with ".."`)
  })

  for (const [out, why] of [
    ['/', 'into the root of the filesystem'],
    ['.', 'into the project root'],
    ['..', 'into a folder that contains the project'],
    ['content', 'into content/, which holds your sources'],
    ['translations/fr', 'into translations/, which holds your translations'],
  ] as const) {
    it(`should refuse press build --out ${out} naming the path`, () => {
      const dir = copyProject()
      refused(dir, ['build', '--format', 'html', '--out', out], `--out ${out} would write the editions ${why}.`)
    })
  }

  it('should refuse press review --out content naming the path', () => {
    const dir = copyProject()
    refused(
      dir,
      ['review', 'en', 'fr', '--out', 'content'],
      `${join(dir, 'content')}: --out content would write the editions into content/`,
    )
  })

  it('should build into an --out folder outside the project', () => {
    const dir = copyProject()
    const out = join(mkdtempSync(join(tmpdir(), 'press-out-')), 'site')
    const run = press(dir, ['build', '--format', 'html', '--lang', 'fr', '--out', out])
    assert.equal(run.status, 0, run.stderr)
    assert.ok(readFileSync(join(out, 'wuzhen-outlook-2019/fr/index.html'), 'utf8').includes('<html'))
  })

  for (const variable of ['PUPPETEER_EXECUTABLE_PATH', 'CHROME_PATH']) {
    it(`should refuse press build --format pdf when ${variable} names a missing file`, () => {
      const dir = copyProject()
      const missing = join(tmpdir(), 'no-such-chromium')
      refused(
        dir,
        ['build', '--format', 'pdf', '--lang', 'fr'],
        `${missing}: ${variable} is set to ${missing}, but there is no such file.`,
        {
          PUPPETEER_EXECUTABLE_PATH: '',
          CHROME_PATH: '',
          [variable]: missing,
        },
      )
    })
  }
})
