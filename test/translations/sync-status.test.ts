import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { copyProject, lineOf, lockPath, press, publicationId, read, sourcePath, targets, write } from '../helpers/project.ts'

const file = (lang: string): string => `translations/${lang}/${publicationId}.json`
const snapshot = (dir: string): Map<string, string> => new Map(targets.map((lang) => [lang, read(dir, file(lang))]))

/** The one key whose value differs between two JSON objects' `entries`. */
function changedEntries(before: string, after: string): string[] {
  const a = JSON.parse(before).entries
  const b = JSON.parse(after).entries
  return Object.keys(b).filter((id) => JSON.stringify(a[id]) !== JSON.stringify(b[id]))
}

describe('press sync and press status', () => {
  it('should pass status --strict on the bundled translations', () => {
    const run = press(copyProject(), ['status', '--strict'])
    assert.equal(run.status, 0, run.stderr)
    for (const lang of targets) assert.match(run.stdout, new RegExp(`${lang}\\s+100% translated\\s+\\(25/25\\)\\s+0 stale\\s+0 missing`))
  })

  it('should mark exactly the edited entry stale in all five files, idempotently, and fail status --strict', () => {
    const dir = copyProject()
    const before = snapshot(dir)
    const sentence = 'The penetration of global mobile and fixed broadband networks is on the rise.'
    write(dir, sourcePath, read(dir, sourcePath).replace(sentence, `${sentence} Satellite links extend it further.`))
    const ids = press(dir, ['ids'])
    assert.equal(ids.status, 0, ids.stderr)
    assert.match(ids.stdout, /1 re-matched after an edit, 0 minted, 0 retired/)
    const lock = JSON.parse(read(dir, lockPath))
    const edited = lock.blocks.find((b: { text: string }) => b.text.includes('Satellite links')).id

    const first = press(dir, ['sync'])
    assert.equal(first.status, 0, first.stderr)
    for (const lang of targets) {
      const after = read(dir, file(lang))
      assert.deepEqual(changedEntries(before.get(lang)!, after), [edited], lang)
      const entry = JSON.parse(after).entries[edited]
      assert.equal(entry.stale, true)
      assert.equal(entry.text, JSON.parse(before.get(lang)!).entries[edited].text, 'the translation is kept')
      assert.doesNotMatch(entry.source, /Satellite links/, 'the source it was translated from is kept for the diff')
      // Nothing else moved: the only changed line is the added "stale" member.
      const added = after.split('\n').filter((line) => !before.get(lang)!.split('\n').includes(line))
      assert.deepEqual(
        added.map((l) => l.trim()),
        ['"text": ' + JSON.stringify(entry.text) + ',', '"stale": true'],
      )
    }
    const afterFirst = snapshot(dir)
    const second = press(dir, ['sync'])
    assert.equal(second.status, 0)
    assert.deepEqual(snapshot(dir), afterFirst, 'a second sync changes no byte')

    const status = press(dir, ['status', '--strict'])
    assert.equal(status.status, 1)
    assert.match(status.stdout, new RegExp(`stale\\s+${edited}\\s+${sourcePath}:${lineOf(read(dir, sourcePath), 'Satellite links')}`))
    const json = JSON.parse(press(dir, ['status', '--json']).stdout)
    assert.deepEqual(
      json[0].languages.map((l: { stale: number }) => l.stale),
      [1, 1, 1, 1, 1],
    )
  })

  it('should add new paragraphs as missing in source order and keep removed ones as orphans', () => {
    const dir = copyProject()
    const removed = 'The World Internet Conference (WIC) was established'
    const source = read(dir, sourcePath)
    const closing = source.slice(source.indexOf(removed)).trim()
    // Delete the closing note and add a paragraph at the very start.
    write(dir, sourcePath, 'A new opening paragraph, written from scratch by an editor.\n\n' + source.replace(closing, ''))
    assert.equal(press(dir, ['ids']).status, 0)
    const lock = JSON.parse(read(dir, lockPath))
    const minted = lock.blocks[0].id
    const retired = lock.retired[0].id
    assert.equal(press(dir, ['sync', '--lang', 'fr']).status, 0)
    const fr = JSON.parse(read(dir, file('fr')))
    assert.deepEqual(
      Object.keys(fr.entries),
      lock.blocks.map((b: { id: string }) => b.id),
      'entries in source order',
    )
    assert.equal(fr.entries[minted].text, '')
    assert.equal(fr.entries[minted].state, 'initial')
    assert.ok(fr.orphans[retired].text.length > 50, 'the orphan keeps its translation')
    assert.equal(read(dir, file('de'.replace('de', 'es'))), read(copyProject(), file('es')), 'other languages untouched with --lang')
    const status = press(dir, ['status', '--lang', 'fr'])
    assert.match(status.stdout, /fr\s+96% translated\s+\(24\/25\)\s+0 stale\s+1 missing\s+1 orphan/)
  })

  it('should report invalid JSON in a translation file at its line and column and leave it untouched', () => {
    const dir = copyProject()
    const broken = read(dir, file('ru')).replace('"state": "translated",', '"state": "translated"')
    write(dir, file('ru'), broken)
    for (const command of [['sync'], ['build', '--format', 'html'], ['status']]) {
      const run = press(dir, command)
      assert.equal(run.status, 1, command.join(' '))
      const notJson = new RegExp(
        `^${file('ru')}:${lineOf(broken, '"state": "translated"') + 1}:\\d+: ` + 'This translation file is not valid JSON: comma expected',
        'm',
      )
      assert.match(run.stderr, notJson)
      assert.equal(read(dir, file('ru')), broken)
    }
  })

  it('should report a value that is not a string with its position', () => {
    const dir = copyProject()
    const text = read(dir, file('es')).replace(/"text": "[^"]*"/, '"text": 42')
    write(dir, file('es'), text)
    const run = press(dir, ['sync'])
    assert.equal(run.status, 1)
    const invalid = new RegExp(`${file('es')}:${lineOf(text, '"text": 42')}:\\d+: ` + 'Invalid translation file: .*string.*at entries\\.')
    assert.match(run.stderr, invalid)
    assert.equal(read(dir, file('es')), text)
  })

  it('should warn about an entry whose ID the lock does not know, and keep it as an orphan on sync', () => {
    const dir = copyProject()
    const data = JSON.parse(read(dir, file('zh')))
    data.entries['p-zzzzzz'] = { state: 'translated', sourceHash: '0123456789abcdef', source: 'x', text: '孤立段落' }
    const text = JSON.stringify(data, null, 2) + '\n'
    write(dir, file('zh'), text)
    const build = press(dir, ['build', '--format', 'html', '--lang', 'zh'])
    assert.equal(build.status, 0, build.stderr)
    const notAnId = new RegExp(`${file('zh')}:${lineOf(text, 'p-zzzzzz')}:\\d+: ` + 'warning: Entry "p-zzzzzz" is not a paragraph ID')
    assert.match(build.stderr, notAnId)
    assert.equal(press(dir, ['sync', '--lang', 'zh']).status, 0)
    assert.equal(JSON.parse(read(dir, file('zh'))).orphans['p-zzzzzz'].text, '孤立段落')
  })

  it('should report a translation file for a language the publication does not list', () => {
    const dir = copyProject()
    write(dir, 'translations/de/ui.json', '{}')
    write(dir, `translations/de/${publicationId}.json`, read(dir, file('fr')))
    const run = press(dir, ['build', '--format', 'html', '--lang', 'en'])
    assert.equal(run.status, 0)
    const notAmongLanguages = new RegExp(
      [
        'translations\\/de\\/wuzhen-outlook-2019\\.json: warning: ',
        "There is a de translation of wuzhen-outlook-2019, but de is not among the publication's languages",
      ].join(''),
    )
    assert.match(run.stderr, notAmongLanguages)
  })

  it('should reject an unknown language on the command line', () => {
    const run = press(copyProject(), ['status', '--lang', 'xx'])
    assert.equal(run.status, 1)
    assert.match(run.stderr, /has no target language "xx"/)
  })
})
