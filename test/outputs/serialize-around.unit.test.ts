/**
 * serializeHtmlAround (src/outputs/serialize.ts): a page serialised with one slot filled child by child is the
 * same string as the whole page serialised at once, sanitiser and URL policy included.
 */
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { Element, ElementContent, Root } from 'hast'
import { h } from 'hastscript'
import { serializeHtml, serializeHtmlAround } from '../../src/outputs/serialize.ts'

const children = (): ElementContent[] => [
  h('tr', { id: 'p-1', className: ['row'], dataStatus: 'translated' }, [h('td', 'a < b & "c"')]),
  { type: 'text', value: '\n' },
  h('tr', [h('td', [h('a', { href: 'javascript:alert(1)' }, 'bad link'), h('img', { src: 'https://example.com/x.png' })])]),
  h('script', 'alert(1)'),
  h('tr', { onClick: 'alert(1)', style: 'color: red' }, [h('td', [h('blink', 'kept text'), h('style', 'x')])]),
  h('tr', [h('td', { lang: 'ar', dir: 'rtl' }, 'نص')]),
]

function page(body: Element, script: string): Root {
  return {
    type: 'root',
    children: [
      { type: 'doctype' },
      h('html', { lang: 'en' }, [
        h('head', [h('title', 'A <title>')]),
        h('body', [h('h1', '<tbody></tbody>'), h('table', [body]), h('p', { title: '"x"' }, 'after'), h('script', script)]),
      ]),
    ],
  }
}

describe('serialising a page one slot child at a time', () => {
  it('should give the bytes of the whole page serialised at once', () => {
    const script = 'document.title = "ok"'
    const whole = serializeHtml(page(h('tbody', children()), script), { scripts: [script] })
    const body = h('tbody')
    const parts = serializeHtmlAround(page(body, script), body, children(), { scripts: [script] })
    assert.equal(parts, whole)
    assert.ok(!parts.includes('alert(1)'), 'the untrusted script, handler and URL are gone')
    assert.ok(parts.includes('document.title'), "the page's own script stays")
  })

  it('should refuse a slot that is not empty', () => {
    const body = h('tbody', [h('tr')])
    assert.throws(() => serializeHtmlAround(page(body, ''), body, []), /slot must be empty/)
  })
})
