import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, it } from 'node:test'
import { matchCatalog, type CatalogMatching } from '../../src/exchange/migrate.ts'
import type { Block } from '../../src/source/segment.ts'
import { readPo } from '../../src/exchange/po.ts'
import { fingerprint } from '../../src/source/fingerprint.ts'
import { blocksOf } from '../helpers/blocks.ts'
import { repo } from './helpers.ts'

const fixtures = join(repo, 'test/fixtures/gettext-catalogs')

/** Each block, in order: its opening text, the start of the translation it receives, and how it matched. */
function assertEachBlock(blocks: Block[], ids: string[], result: CatalogMatching, expected: [string, string, 'exact' | 'fuzzy'][]): void {
  const got = new Map(result.matches.map((m) => [m.id, m]))
  assert.equal(blocks.length, expected.length)
  blocks.forEach((block, i) => {
    const [start, translation, how] = expected[i]!
    assert.ok(block.text.replace(/^\|\s*/, '').startsWith(start), `block ${i} is "${block.text.slice(0, 30)}"`)
    const match = got.get(ids[i]!)
    assert.ok(match, `block ${i} ("${start}") matched`)
    const target = result.units.find((u) => u.id === ids[i])!.target
    assert.ok(target.startsWith(translation), `block ${i} got "${target.slice(0, 60)}"`)
    assert.equal(match.how, how, `block ${i}`)
  })
}

describe('migrating catalogs in the shapes other tools write', () => {
  it('should match every block of an mdbook-i18n-helpers catalog, code blocks and table cells included, with no wrong match', () => {
    const source = readFileSync(join(fixtures, 'garden.md'), 'utf8')
    const blocks = blocksOf(source, 'garden.md')
    const ids = blocks.map((_, i) => `b${i}`)
    const document = readPo(readFileSync(join(fixtures, 'mdbook-fr.po'), 'utf8'), 'mdbook-fr.po')
    assert.equal(document.targetLanguage, 'fr', 'the Language header')
    const result = matchCatalog(document.catalog, blocks, ids)
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
      // The code block in a language mdbook-i18n-helpers knows: its strings one message each, put back in place.
      ['```yaml', '```yaml\nbeds:\n  - name: nord\n    crops: [haricots, pois]\n```', 'exact'],
      ['Rotate the crops', 'Faites tourner', 'exact'],
      ['Press **Save**', 'Appuyez sur', 'exact'],
    ]
    assertEachBlock(blocks, ids, result, expected)
    assert.deepEqual(result.missing, [])
    assert.deepEqual(
      result.unmatched.map((e) => e.msgid),
      ['Summary', 'A paragraph about compost that the source no longer has.'],
    )
    assert.equal(result.untranslated, 3, 'the YAML keys the translator left alone')
    // The fuzzy message imports as stale, against the msgid it was made for.
    const rotate = result.units.find((u) => u.id === ids[19])!
    assert.equal(rotate.source, 'Rotate the crops each year so that pests do not settle.')
    assert.notEqual(fingerprint(rotate.source), blocks[19]!.hash)
    const exact = result.units.find((u) => u.id === ids[2])!
    assert.equal(fingerprint(exact.source), blocks[2]!.hash, 'an exact match imports as current')
  })
})

describe('migrating a po4a catalog', () => {
  it('should match headings without marks, bullets, a whole table per cell, bare code, a fuzzy message as stale', () => {
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
        // po4a's one message for the whole table, split per cell.
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
    const code = result.units.find((u) => u.id === 'b18')!
    assert.equal(
      code.target,
      '```yaml\nbeds:\n  - name: nord\n    crops: [haricots, pois]\n```',
      'po4a gives bare code: the fences come back',
    )
    assert.deepEqual(result.unmatched, [])
    const rotate = result.units.find((u) => u.id === 'b19')!
    assert.equal(rotate.source, '', 'made for an unknown source: stale')
    assert.notEqual(fingerprint(rotate.source), blocks[19]!.hash)
  })
})

describe('migrating a Sphinx (sphinx-intl) catalog of a MyST Markdown source', () => {
  it('should match paragraphs joined onto one line, list items, table cells, a code block and inline markup, with no wrong match', () => {
    const source = readFileSync(join(fixtures, 'orchard.md'), 'utf8')
    const blocks = blocksOf(source, 'orchard.md')
    const ids = blocks.map((_, i) => `b${i}`)
    const document = readPo(readFileSync(join(fixtures, 'sphinx-fr.po'), 'utf8'), 'sphinx-fr.po')
    assert.equal(document.targetLanguage, 'fr', 'the Language header that sphinx-intl writes')
    const result = matchCatalog(document.catalog, blocks, ids)
    const expected: [string, string, 'exact' | 'fuzzy'][] = [
      ['Looking after a young orchard', 'Soigner un jeune verger', 'exact'],
      ['Young fruit trees need', 'Les jeunes arbres fruitiers', 'exact'],
      ['Pruning', 'La taille', 'exact'],
      ['Prune apple and pear trees', 'Taillez les pommiers', 'exact'],
      ['Remove dead', "Enlevez d'abord", 'exact'],
      ['Then cut branches', 'Coupez ensuite', 'exact'],
      ['Tree', 'Arbre', 'exact'],
      ['Prune in', 'Tailler en', 'exact'],
      ['First fruit after', 'Premiers fruits', 'exact'],
      ['Apple', 'Pommier', 'exact'],
      ['January', 'janvier', 'exact'],
      ['three years', 'trois ans', 'exact'],
      ['Cherry', 'Cerisier', 'exact'],
      ['August', 'août', 'exact'],
      ['four years', 'quatre ans', 'exact'],
      ['Keep a record', 'Tenez une fiche', 'exact'],
      ['```toml', '```toml\n[[tree]]\nname = "Reine des reinettes"\nplanted = 2024\n```', 'exact'],
      ['Use `secateurs`', 'Utilisez un `sécateur`', 'exact'],
    ]
    assertEachBlock(blocks, ids, result, expected)
    assert.deepEqual(result.missing, [])
    assert.deepEqual(result.unmatched, [], 'the obsolete (#~) message is not offered')
    // The fuzzy message (Babel writes #| msgid) imports as stale, against the text it was made for.
    const prune = result.units.find((u) => u.id === ids[3])!
    assert.equal(prune.source, 'Prune apple and pear trees in winter, when the sap is down, and cherries in summer.')
    assert.notEqual(fingerprint(prune.source), blocks[3]!.hash)
    const wrapped = result.units.find((u) => u.id === ids[1])!
    assert.equal(fingerprint(wrapped.source), blocks[1]!.hash, 'a paragraph Sphinx joined onto one line imports as current')
  })
})
