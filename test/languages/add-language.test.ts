import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { lineOf, press, read, write } from '../helpers/project.ts'
import { configPath, copyFixture, fixtureId } from './fixture.ts'

describe('press add-language', () => {
  it('should add a BCP 47 tag keeping the comments, create the files and leave the rest missing in status', () => {
    const dir = copyFixture()
    const before = read(dir, configPath)
    const run = press(dir, ['add-language', 'pt-BR'])
    assert.equal(run.status, 0, run.stderr)
    const after = read(dir, configPath)
    assert.equal(after, before.replace('th ]', 'th, pt-BR ]'), 'only the languages line changed')
    assert.match(run.stdout, /Brazilian Portuguese \(pt-BR\): left to right, script Latn/)
    assert.match(run.stdout, /translate the entries of translations\/pt-BR\/multi-script\.json/)

    const file = JSON.parse(read(dir, `translations/pt-BR/${fixtureId}.json`))
    const entries = Object.entries(file.entries) as [string, { state: string; text: string; source: string }][]
    assert.equal(entries.length, 23)
    assert.ok(entries.every(([, e]) => e.state === 'initial' && e.text === ''))
    const ui = JSON.parse(read(dir, 'translations/pt-BR/ui.json'))
    assert.equal(ui.strings.languageName, 'português (Brasil)')
    assert.ok(ui.meta.untranslated.includes('contents') && !ui.meta.untranslated.includes('languageName'))
    assert.equal(ui.strings.contents, 'Contents', 'the English string until translated')

    // Translate one entry.
    const [id] = entries[0]!
    file.entries[id] = { ...file.entries[id], state: 'translated', text: 'Lendo entre línguas' }
    write(dir, `translations/pt-BR/${fixtureId}.json`, JSON.stringify(file, null, 2) + '\n')
    const status = press(dir, ['status', '--lang', 'pt-BR'])
    assert.equal(status.status, 0, status.stderr)
    assert.match(status.stdout, /pt-BR +4\.3% translated +\(1\/23\) +0 stale +22 missing/)
    assert.equal((status.stdout.match(/^ +missing +p-|^ +missing +h-|^ +missing +n-/gm) ?? []).length, 16)
    assert.match(status.stdout, /missing +\d+ interface strings \(contents, notes, noteLabel/)
    assert.equal(press(dir, ['status', '--lang', 'pt-BR', '--strict']).status, 1)
    const check = press(dir, ['check', '--lang', 'pt-BR'])
    assert.match(check.stdout, /translations\/pt-BR\/ui\.json:\d+:\d+: warning: \[missing\] \d+ interface strings are not translated yet/)
    assert.match(check.stdout, /multi-script pt-BR: 23 entries, 0 errors, \d+ warnings?, 0 stale, 22 missing/)
  })

  it('should write the plural keys the language needs (Arabic: six; Japanese: one)', () => {
    const dir = copyFixture()
    assert.equal(press(dir, ['add-language', 'ar']).status, 0)
    const ar = JSON.parse(read(dir, 'translations/ar/ui.json')).strings
    assert.deepEqual(
      Object.keys(ar).filter((k) => k.startsWith('pages_')),
      ['pages_zero', 'pages_one', 'pages_two', 'pages_few', 'pages_many', 'pages_other'],
    )
    const ja = JSON.parse(read(dir, 'translations/ja/ui.json')).strings
    assert.deepEqual(
      Object.keys(ja).filter((k) => k.startsWith('pages_')),
      ['pages_other'],
    )
  })

  it('should refuse a tag already present, a malformed one and an unknown one, at their place in publication.yaml', () => {
    const dir = copyFixture()
    const yaml = read(dir, configPath)
    const line = lineOf(yaml, 'languages:')
    const present = press(dir, ['add-language', 'ja'])
    assert.equal(present.status, 1)
    assert.match(
      present.stderr,
      new RegExp(
        `^${configPath}:${line}:${yaml.split('\n')[line - 1]!.indexOf('ja') + 1}: "ja" is already a language of multi-script\\.`,
        'm',
      ),
    )
    const malformed = press(dir, ['add-language', 'en_GB!'])
    assert.equal(malformed.status, 1)
    assert.match(malformed.stderr, new RegExp(`^${configPath}:${line}:12: "en_GB!" is not a well-formed BCP 47 language tag\\.`, 'm'))
    const unknown = press(dir, ['add-language', 'qqq'])
    assert.equal(unknown.status, 1)
    assert.match(unknown.stderr, new RegExp(`^${configPath}:${line}:12: Unknown language "qqq"\\.`, 'm'))
    assert.equal(read(dir, configPath), yaml, 'nothing written')
  })
})
