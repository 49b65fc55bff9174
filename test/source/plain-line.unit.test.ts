/**
 * parseMarkdown skips the parser for a plain line (isPlainLine): the tree it builds must be the very tree remark
 * (with GFM) gives, positions included. Compared on every bundled source block and translated text, and on random
 * texts drawn from the characters Markdown cares about.
 */
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import { isPlainLine, parseMarkdown } from '../../src/source/parse.ts'
import { bundledTranslationTexts } from '../helpers/project.ts'

const remark = unified().use(remarkParse).use(remarkGfm)
const parsed = (text: string): unknown => remark.runSync(remark.parse(text))

/** A seeded generator: the same random texts on every run. */
function random(seed: number): () => number {
  return () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31
}

const alphabet = [...'aZé中ـя 1.:-#@w/\\*_[]()<>!&~|=+\'"^%$\t\u00a0\u3000😀'].concat([
  'www.',
  'http://',
  'mailto:',
  '  ',
  '\n',
  '&amp;',
  '1. ',
])

describe('parsing a plain line without the parser', () => {
  it('gives the tree remark gives, on every bundled text', () => {
    const texts = bundledTranslationTexts()
    const plain = texts.filter(isPlainLine)
    assert.ok(plain.length > 50, `${plain.length} of ${texts.length} bundled texts are plain lines`)
    for (const text of plain) assert.deepEqual(parseMarkdown(text), parsed(text), text)
  })

  it('gives the tree remark gives, on 8,000 random texts', () => {
    const next = random(42)
    let plain = 0
    for (let n = 0; n < 8_000; n++) {
      let text = 'Ab'.charAt(n % 2)
      const length = Math.floor(next() * 12)
      for (let i = 0; i < length; i++) text += alphabet[Math.floor(next() * alphabet.length)]
      if (!isPlainLine(text)) continue
      plain++
      assert.deepEqual(parseMarkdown(text), parsed(text), JSON.stringify(text))
    }
    assert.ok(plain > 400, `${plain} random texts were plain lines`)
  })

  it('leaves to the parser what is syntax', () => {
    for (const text of [
      '*a*',
      'a *b*',
      'a [b](c)',
      '# a',
      '1. a',
      'a\nb',
      'www.example.org',
      'a@b.org',
      'a &amp; b',
      ' a',
      'a ',
      'a\\',
      'a`b`',
      'a~b~',
      'a | b',
      '',
    ])
      assert.equal(isPlainLine(text), false, JSON.stringify(text))
  })
})
