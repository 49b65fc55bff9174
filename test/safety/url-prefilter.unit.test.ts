/**
 * The URL check skips the parse of a text that cannot hold a URL (mayHoldUrl): that shortcut must never hide a link,
 * image or definition. Every text of the bundled translations, every hostile form and a set of near misses are parsed:
 * whenever mayHoldUrl says no, the parse has no node that carries a URL.
 */
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { Nodes } from 'mdast'
import { visit } from 'unist-util-visit'
import { parseBlockMarkdown } from '../../src/source/parse.ts'
import { mayHoldUrl, urlViolations } from '../../src/source/urls.ts'
import { bundledTranslationTexts } from '../helpers/project.ts'

/** Links, images and definitions inside the text (the block parse appends its stubs after it). */
function urlNodes(text: string): string[] {
  const found: string[] = []
  visit(parseBlockMarkdown(text), (node: Nodes) => {
    if ((node.type === 'link' || node.type === 'image' || node.type === 'definition') && (node.position?.start.offset ?? 0) < text.length)
      found.push(`${node.type} ${node.url}`)
  })
  return found
}

const forms = [
  '[x](javascript:alert(1))',
  '<javascript:alert(1)>',
  '![i](data:image/svg+xml,x)',
  '[x][ref]\n\n[ref]: javascript:alert(1)',
  'see www.example.org today',
  'WWW.EXAMPLE.ORG',
  'HTTPS://EXAMPLE.ORG/x',
  'write to someone@example.org',
  'mailto:someone@example.org',
  'xmpp:someone@example.org',
  '[x](<java\tscript:alert(1)>)',
]
/** Look like links to a reader, but are none to CommonMark/GFM: mayHoldUrl may say either, the parse must agree with it. */
const nearMisses = [
  '[x] (javascript:alert(1))',
  '[x]\n(javascript:alert(1))',
  'a [bracketed] remark (with a parenthesis)',
  'the ratio 3:1 and the time 10:30',
  'footnote calls[^1] and[^note-2]',
  '&#91;x&#93;(javascript:alert(1))',
  '\\[x\\](javascript:alert(1))',
  'example.org without a scheme',
  '[^1](javascript:alert(1))',
]

describe('mayHoldUrl, the URL check without a parse', () => {
  it('never says no to a text whose parse has a link, an image or a definition', () => {
    const texts = [...bundledTranslationTexts(), ...forms, ...nearMisses]
    assert.ok(texts.length > 100, `the corpus has the bundled translations (${texts.length} texts)`)
    const missed = texts.filter((text) => !mayHoldUrl(text) && urlNodes(text).length > 0)
    assert.deepEqual(missed, [])
  })

  it('says yes to every hostile form, and each is refused', () => {
    for (const form of forms) {
      assert.ok(mayHoldUrl(form), form)
      assert.ok(urlNodes(form).length > 0, `${form} parses with a URL`)
    }
    assert.ok(urlViolations(parseBlockMarkdown(forms[0]!)).length > 0)
  })

  it('lets most plain paragraphs skip the parse', () => {
    const texts = bundledTranslationTexts().filter((t) => t.trim() !== '')
    const skipped = texts.filter((t) => !mayHoldUrl(t)).length
    assert.ok(skipped / texts.length > 0.5, `${skipped} of ${texts.length} texts skip the parse`)
  })
})
