/**
 * Migration from catalogs in the shapes the real tools write. The fixtures (test/fixtures/gettext-catalogs/) were made
 * from garden.md and orchard.md: po4a-fr.po by po4a 0.69 itself (po4a-gettextize from a French garden.md, then
 * po4a-updatepo --previous after an edit), sphinx-fr.po by Sphinx 5.3's gettext builder with MyST and Babel's
 * catalog update as sphinx-intl runs it, mdbook-fr.po by hand after mdbook-i18n-helpers' extraction code and tests
 * (headings without marks, an item per message, a table per cell, `_emphasis_`, inline HTML kept, a code block in a
 * known language as its comments and string literals, a code block in no language whole with its fences when it has
 * a quote, none when it has not, `<details>` lines skipped, front matter read as a heading).
 */
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, it } from 'node:test'
import { splitTable, unwrapTable } from '../../src/exchange/catalog-shapes.ts'
import { matchCatalog, type CatalogMatching } from '../../src/exchange/migrate.ts'
import { readPo } from '../../src/exchange/po.ts'
import { groupDetails } from '../../src/source/details.ts'
import { fingerprint } from '../../src/source/fingerprint.ts'
import { readFrontMatter } from '../../src/source/front-matter.ts'
import { parseMarkdown } from '../../src/source/parse.ts'
import { segment, type Block } from '../../src/source/segment.ts'
import { repo } from './helpers.ts'

const fixtures = join(repo, 'test/fixtures/gettext-catalogs')

/** A source file's blocks as `press` reads them (front matter blanked, `<details>` grouped). */
function sourceBlocks(name: string): Block[] {
  const { text } = readFrontMatter(readFileSync(join(fixtures, name), 'utf8'), name)
  const tree = parseMarkdown(text)
  groupDetails(tree, text)
  return segment(tree, text, name).blocks
}

type Expected = [index: number, target: string, how: 'exact' | 'fuzzy']

/** Run the matcher; every match must be one of `expected` (block, whole translation, how), and every expected one is made. */
function migrate(source: string, catalog: string, expected: Expected[]): { blocks: Block[]; result: CatalogMatching } {
  const blocks = sourceBlocks(source)
  const ids = blocks.map((_, i) => `b${i}`)
  const document = readPo(readFileSync(join(fixtures, catalog), 'utf8'), catalog)
  assert.equal(document.targetLanguage, 'fr', 'the Language header')
  const result = matchCatalog(document.catalog, blocks, ids)
  const got = result.matches
    .map((m) => [Number(m.id.slice(1)), result.units.find((u) => u.id === m.id)!.target, m.how] as Expected)
    .sort((a, b) => a[0] - b[0])
  assert.deepEqual(got, expected, 'each match, whole: no wrong match and none missing')
  return { blocks, result }
}

const garden: Expected[] = [
  [0, 'Tenir un petit potager', 'exact'],
  [1, "Un potager a besoin de soleil au moins six heures par jour, d'une bonne terre et d'eau à portée de main.", 'exact'],
  [2, 'Outils', 'exact'],
  [3, 'Il suffit de quelques outils pour commencer :', 'exact'],
  [4, 'une bêche pour retourner la terre au printemps,', 'exact'],
  [5, 'un râteau pour niveler les planches avant de semer,', 'exact'],
  [6, 'un arrosoir à pomme fine pour les semis.', 'exact'],
  [7, 'Culture', 'exact'],
  [8, 'Semer en', 'exact'],
  [9, 'Récolter après', 'exact'],
  [10, 'Radis', 'exact'],
  [11, 'mars', 'exact'],
  [12, 'quatre semaines', 'exact'],
  [13, '`Laitue`', 'exact'],
  [14, 'avril', 'exact'],
  [15, 'huit semaines', 'exact'],
  [16, 'Organiser les planches', 'exact'],
  [17, 'Notez le plan sous forme de liste des planches et de ce qui y pousse :', 'exact'],
  [18, '```python\n# Les planches du nord au sud\nbeds = {"nord": ["haricots", "pois"], "sud": ["courges"]}\n```', 'exact'],
  [19, 'Étiquetez chaque rang avec sa date de semis :', 'exact'],
  [20, '```\n"radis" 2026-03-14\n```', 'exact'],
  [21, '```\nnord  haricots pois\nsud  courges\n```', 'exact'],
  [22, "Faites tourner les cultures chaque année pour que les ravageurs ne s'installent pas.[^rotation]", 'exact'],
  [23, 'Une planche laissée vide en hiver est une planche pour les mauvaises herbes.', 'exact'],
  [24, 'Pourquoi alterner ?', 'exact'],
  [25, "Chaque culture prend au sol des éléments différents et y laisse d'autres ravageurs.", 'exact'],
  [26, 'Appuyez sur <kbd>Enregistrer</kbd> pour garder le plan sur votre téléphone, et partagez-le avec les _voisins_.', 'exact'],
  [27, 'Quatre groupes suffisent pour un petit jardin.', 'exact'],
]
const without = (indexes: number[]): Expected[] => garden.filter(([i]) => !indexes.includes(i))

describe('migrating an mdbook-i18n-helpers catalog', () => {
  it('should match every block that has a translated message, code pieces and table cells included, with no wrong match', () => {
    // The code block with neither a quote nor `//` (21) and the summary inside <details> (24) have no message.
    const { blocks, result } = migrate('garden.md', 'mdbook-fr.po', without([21, 24]))
    assert.deepEqual(result.missing, ['b21', 'b24'])
    assert.deepEqual(
      result.unmatched.map((e) => e.msgid),
      ['Summary', 'Kitchen garden'],
      'the SUMMARY.md titles',
    )
    assert.equal(result.untranslated, 1, 'the front matter, read as a heading "minutes: 10"')
    // A message flagged fuzzy (msgmerge without --previous): its translation was made for an unknown text, so stale.
    const rotate = result.units.find((u) => u.id === 'b22')!
    assert.equal(rotate.source, '')
    assert.notEqual(fingerprint(rotate.source), blocks[22]!.hash)
    assert.equal(fingerprint(result.units.find((u) => u.id === 'b2')!.source), blocks[2]!.hash, 'an exact match imports as current')
  })
})

describe('migrating a po4a catalog', () => {
  it('should match a table wrapped onto one line per cell, drop the comment, quote and label lines, with no wrong match', () => {
    // po4a keeps the paragraph's lines and its *emphasis* as they are.
    const press: Expected = [
      26,
      'Appuyez sur <kbd>Enregistrer</kbd> pour garder le plan sur votre téléphone, et\npartagez-le avec les *voisins*.',
      'exact',
    ]
    const expected = without([5, 26])
      .concat([press])
      .sort((a, b) => a[0] - b[0])
    const { blocks, result } = migrate('garden.md', 'po4a-fr.po', expected)
    assert.deepEqual(result.missing, ['b5'], 'the rake bullet has no translation yet')
    assert.deepEqual(result.unmatched, [])
    assert.equal(result.untranslated, 2, 'the rake bullet and the front matter value')
    assert.equal(result.markupOnly, 1, 'the </details> line')
    // po4a ran msgmerge --previous: the fuzzy message says which text its translation was made for.
    const rotate = result.units.find((u) => u.id === 'b22')!
    assert.equal(rotate.source, 'Rotate the crops each year so that pests do not settle.[^rotation]')
    assert.notEqual(fingerprint(rotate.source), blocks[22]!.hash)
  })

  it('should read a table in both of po4a’s shapes, one line per row (0.70+) or wrapped onto one line (0.69)', () => {
    const rows = '| Crop | Sow in |\n| --- | --- |\n| Radish |  |\n'
    assert.equal(unwrapTable('| Crop | Sow in | | --- | --- | | Radish | |'), rows, 'an empty last cell is not a row break')
    assert.equal(unwrapTable(rows), rows)
    assert.equal(unwrapTable('| not | a table |'), '| not | a table |')
    const cells = splitTable({ msgid: rows, msgstr: '| Culture | Semer en |\n| --- | --- |\n| Radis | |\n', fuzzy: false })
    assert.deepEqual(
      cells.map((c) => [c.msgid, c.msgstr]),
      [
        ['Crop', 'Culture'],
        ['Sow in', 'Semer en'],
        ['Radish', 'Radis'],
        ['', ''],
      ],
    )
  })
})

describe('migrating a Sphinx (sphinx-intl) catalog of a MyST Markdown source', () => {
  it('should match joined lines, list items, table cells, a literal block, a quote and a footnote, with no wrong match', () => {
    const { blocks, result } = migrate('orchard.md', 'sphinx-fr.po', [
      [0, 'Soigner un jeune verger', 'exact'],
      [
        1,
        "Les jeunes arbres fruitiers demandent plus de soins pendant leurs trois premières années qu'à tout autre moment : " +
          "arrosez-les chaque semaine par un été sec et éloignez l'herbe de leur tronc.",
        'exact',
      ],
      [2, 'La taille', 'exact'],
      [3, 'Taillez les pommiers et les poiriers en hiver, quand la sève est descendue, et les cerisiers en été.', 'exact'],
      [4, "Enlevez d'abord le bois mort, malade ou abîmé.", 'exact'],
      [
        5,
        "Coupez ensuite les branches qui se croisent ou frottent l'une contre l'autre, " +
          "pour que la lumière et l'air atteignent le centre de l'arbre.",
        'exact',
      ],
      [6, 'Arbre', 'exact'],
      [7, 'Tailler en', 'exact'],
      [8, 'Premiers fruits après', 'exact'],
      [9, 'Pommier', 'exact'],
      [10, 'janvier', 'exact'],
      [11, 'trois ans', 'exact'],
      [12, 'Cerisier', 'exact'],
      [13, 'août', 'exact'],
      [14, 'quatre ans', 'exact'],
      [15, "Un arbre trop taillé lors de son premier hiver produit des gourmands tout l'été.", 'exact'],
      [16, 'Tenez une fiche pour chaque arbre dans un petit fichier[^record] :', 'exact'],
      [17, '```toml\n[[arbre]]\nnom = "Reine des reinettes"\nplanté = 2024\n```', 'exact'],
      [
        18,
        "Utilisez un `sécateur` pour les pousses fines et une *scie d'élagage* pour tout ce qui est plus épais qu'un doigt, " +
          "et lisez d'abord le [guide de la taille](https://example.org/pruning).",
        'exact',
      ],
      [19, 'Un carnet vaut bien un fichier.', 'exact'],
    ])
    assert.deepEqual(result.missing, [])
    assert.deepEqual(result.unmatched, [], 'the obsolete (#~) message is not offered')
    // Babel marks an edited message fuzzy without #| msgid: made for an unknown text, so stale.
    const prune = result.units.find((u) => u.id === 'b3')!
    assert.equal(prune.source, '')
    assert.notEqual(fingerprint(prune.source), blocks[3]!.hash)
    assert.equal(fingerprint(result.units.find((u) => u.id === 'b1')!.source), blocks[1]!.hash, 'a joined paragraph imports as current')
  })
})
