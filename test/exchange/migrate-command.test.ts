/**
 * `press import` of a catalog keyed by source text, on a publication made of the migration fixtures' garden.md:
 * detected without --migrate, reported with examples, written as entries (current or stale), --dry-run writes nothing.
 */
import assert from 'node:assert/strict'
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { press } from '../helpers/project.ts'
import { repo } from './helpers.ts'

const fixtures = join(repo, 'test/fixtures/gettext-catalogs')
const translation = 'translations/fr/garden.json'

describe('press import of an mdbook-i18n-helpers catalog', () => {
  let dir = ''
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'press-migrate-'))
    mkdirSync(join(dir, 'content/garden'), { recursive: true })
    cpSync(join(fixtures, 'garden.md'), join(dir, 'content/garden/garden.md'))
    cpSync(join(fixtures, 'mdbook-fr.po'), join(dir, 'fr.po'))
    writeFileSync(
      join(dir, 'content/garden/publication.yaml'),
      [
        'id: garden',
        'identifier: urn:uuid:3b0e6f1a-9c2d-4e7b-8a15-6d4c2f0e9b31',
        'title: Keeping a small kitchen garden',
        'issuer: Polyglot Press',
        'publisher: Polyglot Press',
        'date: 2026-11',
        'sourceLanguage: en',
        'languages: [fr, pt-BR]',
        'sources: [garden.md]',
        '',
      ].join('\n'),
    )
    const ids = press(dir, ['ids'])
    assert.equal(ids.status, 0, ids.stdout + ids.stderr)
  })
  after(() => rmSync(dir, { recursive: true, force: true }))

  it('should write nothing on a dry run and report what matched, with examples', () => {
    const run = press(dir, ['import', 'fr.po', '--dry-run'])
    assert.equal(run.status, 0, run.stdout + run.stderr)
    assert.match(
      run.stdout,
      new RegExp(
        'Matched 26 of 28 blocks: 26 exactly, 0 by similarity \\(imported as stale\\); 2 translated messages matched no block; ' +
          '2 blocks got no message; 1 untranslated and 0 markup-only messages skipped\\.',
      ),
    )
    assert.match(run.stdout, /^ {2}exactly {7}h-[0-9a-z]{6} ← "Keeping a small kitchen garden"$/m)
    assert.match(run.stdout, /^ {2}unmatched {5}fr\.po:15: "Summary"$/m)
    assert.match(run.stdout, /^ {2}untranslated {2}[a-z]-[0-9a-z]{6}, [a-z]-[0-9a-z]{6}$/m)
    assert.match(run.stdout, /Dry run: 26 entries would change in translations\/fr\/garden\.json; nothing written\./)
    assert.throws(() => readFileSync(join(dir, translation)), /ENOENT/, 'no translation file written')
  })

  it('should import the matches as entries, current when exact and stale when the message was fuzzy', () => {
    const run = press(dir, ['import', 'fr.po'])
    assert.equal(run.status, 0, run.stdout + run.stderr)
    type Locked = { id: string; text: string; hash: string }
    const lock = JSON.parse(readFileSync(join(dir, 'content/garden/ids.lock.json'), 'utf8')) as { blocks: Locked[] }
    const block = (start: string): Locked => lock.blocks.find((b) => b.text.startsWith(start))!
    const idOf = (start: string): string => block(start).id
    const file = JSON.parse(readFileSync(join(dir, translation), 'utf8'))
    assert.equal(file.meta.language, 'fr')
    assert.equal(Object.keys(file.entries).length, 26)
    assert.deepEqual(file.entries[idOf('Tools')], {
      state: 'translated',
      sourceHash: block('Tools').hash,
      source: 'Tools',
      text: 'Outils',
    })
    const rotate = file.entries[idOf('Rotate the crops')]
    assert.notEqual(rotate.sourceHash, block('Rotate the crops').hash, 'the fuzzy message imports as stale')
    assert.equal(rotate.text, "Faites tourner les cultures chaque année pour que les ravageurs ne s'installent pas.[^rotation]")
    assert.equal(file.entries[idOf('```python')].text.split('\n')[1], '# Les planches du nord au sud')
    const status = press(dir, ['status', '--lang', 'fr'])
    assert.match(status.stdout, /fr +89\.2% translated +\(25\/28\) +1 stale +2 missing/)
    assert.match(status.stdout, /stale +p-[0-9a-z]{6} +content\/garden\/garden\.md:44/)
  })

  it('should read a gettext locale (pt_BR) as a language tag, and ask for --lang when the Language header is empty', () => {
    const po4a = readFileSync(join(fixtures, 'po4a-fr.po'), 'utf8')
    writeFileSync(join(dir, 'pt.po'), po4a.replace('"Language: fr\\n"', '"Language: pt_BR\\n"'))
    const pt = press(dir, ['import', 'pt.po', '--dry-run'])
    assert.equal(pt.status, 0, pt.stdout + pt.stderr)
    assert.match(pt.stdout, /Matched 27 of 28 blocks: 27 exactly/)
    assert.match(pt.stdout, /27 entries would change in translations\/pt-BR\/garden\.json; nothing written/)
    writeFileSync(join(dir, 'none.po'), po4a.replace('"Language: fr\\n"', '"Language: \\n"'))
    const none = press(dir, ['import', 'none.po', '--dry-run'])
    assert.equal(none.status, 1)
    assert.match(none.stderr, /^none\.po:\d+:1: This file does not say which language it is in\.\n.*--lang/m)
    assert.equal(press(dir, ['import', 'none.po', '--dry-run', '--lang', 'pt-BR']).status, 0, 'with --lang')
  })
})
