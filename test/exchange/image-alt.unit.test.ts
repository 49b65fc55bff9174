/** Image alt text and titles as text between inline codes, and a source comment as the next block's translator note. */
import assert from 'node:assert/strict'
import { before, describe, it } from 'node:test'
import { toInline, toMarkdown, type Inline } from '../../src/exchange/inline-codes.ts'
import { loadParser } from '../../src/exchange/parser.ts'
import { parseMarkdown } from '../../src/source/parse.ts'
import { segment } from '../../src/source/segment.ts'

/** Text parts of a cut block, codes as `{…}`. */
const shape = (parts: Inline[]): string =>
  parts.map((p) => (typeof p === 'string' ? p : p.type === 'ph' ? `{${p.data}}` : `{${p.start}}${shape(p.children)}{${p.end}}`)).join('')

describe('image alt text in the exchange formats', () => {
  before(loadParser) // toInline cuts with the parser the exchange commands load on demand
  it('should cut an image into codes around its alt text and title, and join back byte for byte', () => {
    const cases: [string, string][] = [
      ['See ![A chart](c.png) here.', 'See {![}A chart{](c.png)} here.'],
      ['![A chart](c.png "Rain, 2020")', '{![}A chart{](c.png "}Rain, 2020{")}'],
      ["![A \\] [b] chart](c.png 'It\\'s')", "{![}A \\] [b] chart{](c.png '}It\\'s{')}"],
      ['![a](<c d.png> (t\\) x))', '{![}a{](<c d.png> (}t\\) x{))}'],
      ['![](c.png)', '{![}{](c.png)}'],
      ['**![in strong](c.png)**', '{**}{![}in strong{](c.png)}{**}'],
      ['![alt][ref]\n\n[ref]: c.png', '{![}alt{][ref]}\n\n[ref]: c.png'],
    ]
    for (const [markdown, expected] of cases) {
      const parts = toInline(markdown)
      assert.equal(shape(parts), expected, markdown)
      assert.equal(toMarkdown(parts), markdown)
    }
  })

  it('should keep an image reference written by its label alone as one code (its alt is its label)', () => {
    assert.equal(shape(toInline('![chart] and ![chart][]\n\n[chart]: c.png')), '{![chart]} and {![chart][]}\n\n[chart]: c.png')
  })
})

describe('comments as notes for the translator', () => {
  const notes = (markdown: string) =>
    segment(parseMarkdown(markdown), markdown, 'a.md').blocks.map((b) => [b.text, b.translatorNote ?? null])

  it('should give the comment directly before a block to that block alone, several joined', () => {
    const markdown = '<!-- Keep the name. -->\n# Title\n\n<!--\n  First.\n-->\n<!-- Second. -->\n\n- Item\n\nText.\n'
    assert.deepEqual(notes(markdown), [
      ['Title', 'Keep the name.'],
      ['Item', 'First.\nSecond.'],
      ['Text.', null],
    ])
  })

  it('should drop a comment that a thematic break separates from the next block, and change no fingerprint', () => {
    assert.deepEqual(notes('<!-- Lost. -->\n\n---\n\nText.\n'), [['Text.', null]])
    const hash = (markdown: string) => segment(parseMarkdown(markdown), markdown, 'a.md').blocks[0]!.hash
    assert.equal(hash('<!-- A note. -->\nText.\n'), hash('Text.\n'))
  })
})
