import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, it } from 'node:test'
import { matchCatalog } from '../../src/exchange/migrate.ts'
import { readPo } from '../../src/exchange/po.ts'
import { fingerprint } from '../../src/source/fingerprint.ts'
import { blocksOf } from '../helpers/blocks.ts'
import { repo } from './helpers.ts'

const fixtures = join(repo, 'test/fixtures/gettext-catalogs')

describe('migrating catalogs in the shapes other tools write', () => {
  it('should match every block of an mdbook-i18n-helpers catalog, code blocks and table cells included, with no wrong match', () => {
    const source = readFileSync(join(fixtures, 'garden.md'), 'utf8')
    const blocks = blocksOf(source, 'garden.md')
    const ids = blocks.map((_, i) => `b${i}`)
    const document = readPo(readFileSync(join(fixtures, 'mdbook-fr.po'), 'utf8'), 'mdbook-fr.po')
    assert.equal(document.targetLanguage, 'fr', 'the Language header')
    const result = matchCatalog(document.catalog, blocks, ids)
    const got = new Map(result.matches.map((m) => [m.id, m]))
    // Each block, and the translation it must receive.
    const expected: [string, string, 'exact' | 'fuzzy'][] = [
      ['Keeping a small kitchen garden', 'Tenir un petit potager', 'exact'],
      ['A kitchen garden needs sun', 'Un potager a besoin', 'exact'],
      ['Tools', 'Outils', 'exact'],
      ['You need only a few tools', 'Il suffit', 'exact'],
      ['a spade', 'une bêche', 'exact'],
      ['a rake', 'un râteau', 'exact'],
      ['a watering can', 'un arrosoir', 'exact'],
      ['Crop', 'Culture', 'exact'],
      ['Sow in', 'Semer en', 'exact'],
      ['Harvest after', 'Récolter après', 'exact'],
      ['Radish', 'Radis', 'exact'],
      ['March', 'mars', 'exact'],
      ['four weeks', 'quatre semaines', 'exact'],
      ['Lettuce', 'Laitue', 'exact'],
      ['April', 'avril', 'exact'],
      ['eight weeks', 'huit semaines', 'exact'],
      ['Planning the beds', 'Organiser les planches', 'exact'],
      ['Write the plan down', 'Notez le plan', 'exact'],
      ['```yaml', '```yaml\nbeds:\n  - name: nord', 'exact'],
      ['Rotate the crops', 'Faites tourner', 'exact'],
      ['Press **Save**', 'Appuyez sur', 'exact'],
    ]
    assert.equal(blocks.length, expected.length)
    blocks.forEach((block, i) => {
      const [start, translation, how] = expected[i]!
      assert.ok(block.text.replace(/^\|\s*/, '').startsWith(start), `block ${i} is "${block.text.slice(0, 30)}"`)
      const match = got.get(ids[i]!)
      assert.ok(match, `block ${i} ("${start}") matched`)
      assert.ok(match.entry.msgstr.startsWith(translation), `block ${i} got "${match.entry.msgstr.slice(0, 30)}"`)
      assert.equal(match.how, how, `block ${i}`)
    })
    assert.deepEqual(result.missing, [])
    assert.deepEqual(
      result.unmatched.map((e) => e.msgid),
      ['Summary', 'A paragraph about compost that the source no longer has.'],
    )
    // The fuzzy message imports as stale, against the msgid it was made for.
    const rotate = result.units.find((u) => u.id === ids[19])!
    assert.equal(rotate.source, 'Rotate the crops each year so that pests do not settle.')
    assert.notEqual(fingerprint(rotate.source), blocks[19]!.hash)
    const exact = result.units.find((u) => u.id === ids[2])!
    assert.equal(fingerprint(exact.source), blocks[2]!.hash, 'an exact match imports as current')
  })
})

describe('migrating a po4a catalog', () => {
  it('should match headings without marks, bullets, a table message cell by cell, a code block without fences, and a fuzzy message as stale', () => {
    const source = readFileSync(join(fixtures, 'garden.md'), 'utf8')
    const blocks = blocksOf(source, 'garden.md')
    const ids = blocks.map((_, i) => `b${i}`)
    const document = readPo(readFileSync(join(fixtures, 'po4a-fr.po'), 'utf8'), 'po4a-fr.po')
    assert.equal(document.targetLanguage, 'fr')
    const result = matchCatalog(document.catalog, blocks, ids)
    assert.deepEqual(
      result.matches.map((m) => [m.id, m.how, m.entry.msgstr.slice(0, 12)]).sort(),
      [
        ['b0', 'exact', 'Tenir un pet'],
        ['b1', 'exact', 'Un potager a'],
        ['b2', 'exact', 'Outils'],
        ['b4', 'exact', 'une bêche po'],
        // The table, one message in po4a's catalog, matched cell by cell.
        ['b7', 'exact', 'Culture'],
        ['b8', 'exact', 'Semer en'],
        ['b9', 'exact', 'Récolter apr'],
        ['b10', 'exact', 'Radis'],
        ['b11', 'exact', 'mars'],
        ['b12', 'exact', 'quatre semai'],
        ['b13', 'exact', 'Laitue'],
        ['b14', 'exact', 'avril'],
        ['b15', 'exact', 'huit semaine'],
        ['b18', 'exact', 'beds:\n  - na'],
        ['b19', 'exact', 'Faites tourn'],
      ].sort(),
    )
    assert.equal(result.untranslated, 1, 'the rake bullet has no translation yet')
    assert.deepEqual(result.unmatched, [])
    const rotate = result.units.find((u) => u.id === 'b19')!
    assert.equal(rotate.source, '', 'made for an unknown source: stale')
    assert.notEqual(fingerprint(rotate.source), blocks[19]!.hash)
  })
})
