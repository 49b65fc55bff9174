import assert from 'node:assert/strict'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, it } from 'node:test'
import { copyProject, press } from '../helpers/project.ts'
import { filesUnder, stackLine } from './snapshot.ts'

const configPath = 'content/wuzhen-outlook-2019/publication.yaml'
const frPath = 'translations/fr/wuzhen-outlook-2019.json'
const uiPath = 'translations/fr/ui.json'

/** A project copy with `path` edited; runs `args` and asserts the refusal. */
function refuses(path: string, edit: (text: string) => string, args: string[], expected: string): void {
  const dir = copyProject()
  const file = join(dir, path)
  const edited = edit(readFileSync(file, 'utf8'))
  assert.notEqual(edited, readFileSync(file, 'utf8'), 'the edit changed nothing')
  writeFileSync(file, edited)
  const before = filesUnder(dir)
  const run = press(dir, args)
  assert.equal(run.status, 1, run.stdout + run.stderr)
  assert.ok(run.stderr.includes(expected), `expected ${JSON.stringify(expected)} in:\n${run.stderr}`)
  assert.doesNotMatch(run.stdout + run.stderr, stackLine)
  assert.deepEqual(filesUnder(dir), before)
}

function lineColumn(text: string, needle: string, plus = 0): string {
  const offset = text.indexOf(needle)
  assert.ok(offset >= 0, needle)
  const lines = text.slice(0, offset).split('\n')
  return `${lines.length}:${lines.at(-1)!.length + 1 + plus}`
}

describe('invisible characters and settings in publication metadata', () => {
  const config = readFileSync(join(copyProject(), configPath), 'utf8')

  it('should refuse a right-to-left override in the publication.yaml title at the character, in check and build', () => {
    const at = lineColumn(config, 'title: Wuzhen', 'title: Wu'.length)
    const edit = (t: string): string => t.replace('title: Wuzhen', 'title: Wu\u202ezhen')
    const message = `${configPath}:${at}: The title in ${configPath} contains an invisible U+202E RIGHT-TO-LEFT OVERRIDE.`
    refuses(configPath, edit, ['check'], message)
    refuses(configPath, edit, ['build', '--format', 'html'], message)
  })

  it('should refuse a zero-width space in a keyword of publication.yaml', () => {
    refuses(
      configPath,
      (t) => t.replace('cyberspace, digital', 'cyber\u200bspace, digital'),
      ['check'],
      `${configPath}:${lineColumn(config, 'cyberspace, digital', 5)}: ` +
        `The keywords.1 in ${configPath} contains an invisible U+200B ZERO WIDTH SPACE.`,
    )
  })

  it("should refuse an invisible character in a translation's publication.title at the string, in check and build", () => {
    const fr = readFileSync(join(copyProject(), frPath), 'utf8')
    const title = /"title": "([^"]*)"/.exec(fr.slice(fr.indexOf('"publication"')))!
    const at = lineColumn(fr, title[0], '"title": '.length)
    const edit = (t: string): string => t.replace(title[0], `"title": "\u2066${title[1]}"`)
    const message = `${frPath}:${at}: The string publication.title contains an invisible U+2066 LEFT-TO-RIGHT ISOLATE.`
    refuses(frPath, edit, ['check'], message)
    refuses(frPath, edit, ['build', '--format', 'html', '--lang', 'fr'], message)
  })

  it('should refuse an invisible character in a ui.json string at the string, in check and build', () => {
    const ui = readFileSync(join(copyProject(), uiPath), 'utf8')
    const entry = /"([^"]+)": "([^"]*)"/.exec(ui.slice(ui.indexOf('"strings"') + 10))!
    const at = lineColumn(ui, entry[0], entry[1]!.length + 4)
    const edit = (t: string): string => t.replace(entry[0], `"${entry[1]}": "\u202b${entry[2]}"`)
    const message = `${uiPath}:${at}: The string strings.${entry[1]} contains an invisible U+202B RIGHT-TO-LEFT EMBEDDING.`
    refuses(uiPath, edit, ['check'], message)
    refuses(uiPath, edit, ['build', '--format', 'html', '--lang', 'fr'], message)
  })

  it('should refuse the date 2019-13-45 and 2019-02-30 in publication.yaml at the date', () => {
    const at = lineColumn(config, 'date: 2019-10', 'date: '.length)
    for (const date of ['2019-13-45', '2019-02-30'])
      refuses(
        configPath,
        (t) => t.replace('date: 2019-10', `date: ${date}`),
        ['check'],
        `${configPath}:${at}: Invalid publication.yaml: date: a real date (month 01–12, a day that exists in that month).`,
      )
  })

  it('should accept the dates "2019" (quoted), 2019-10 and 2020-02-29 in publication.yaml', () => {
    for (const date of ["'2019'", '2019-10', '2020-02-29']) {
      const dir = copyProject()
      writeFileSync(join(dir, configPath), config.replace('date: 2019-10', `date: ${date}`))
      const run = press(dir, ['check'])
      assert.equal(run.status, 0, run.stderr)
    }
  })

  it("should refuse a translation file's meta.date 2019-02-30 at the date", () => {
    const fr = readFileSync(join(copyProject(), frPath), 'utf8')
    const date = /"date": "(\d{4}-\d{2}-\d{2})"/.exec(fr)!
    refuses(
      frPath,
      (t) => t.replace(date[0], '"date": "2019-02-30"'),
      ['check'],
      `${frPath}:${lineColumn(fr, date[0], 8)}: ` +
        'Invalid translation file: a real date (month 01–12, a day that exists in that month) at meta.date.',
    )
  })

  it('should refuse a YAML alias bomb in publication.yaml with a message naming the file and the limit', () => {
    const bomb = [
      'a: &a [x, x, x, x, x, x, x, x, x]',
      ...'bcdefgh'.split('').map(
        (n, i) =>
          `${n}: &${n} [${Array(9)
            .fill('*' + 'abcdefgh'[i])
            .join(', ')}]`,
      ),
    ]
    const line = config.split('\n').length - (config.endsWith('\n') ? 1 : 0) + 2
    refuses(
      configPath,
      (t) => t + bomb.join('\n') + '\n',
      ['check'],
      `${configPath}:${line}:8: ${configPath} expands its YAML aliases (*name) too often: more than 100 times.`,
    )
  })
})
