/**
 * The sanitising step alone (defence in depth): handed a tree that no earlier
 * stage should ever produce, it lets nothing executable or remote through.
 */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import type { Root } from 'hast'
import { h } from 'hastscript'
import { serializeHtml } from '../../src/outputs/serialize.ts'

const hostile = (): Root => ({
  type: 'root',
  children: [
    { type: 'doctype' },
    h('html', { lang: 'en' }, [
      h('head', [
        h('meta', { charSet: 'utf-8' }),
        h('title', 'T'),
        h('link', { rel: 'stylesheet', href: '../assets/screen.css' }),
        h('script', 'alert("injected")'),
        h('style', 'body { background: url(https://tracker.example/x.png) }'),
        h('base', { href: 'https://evil.example/' }),
      ]),
      h('body', { onLoad: 'alert(1)' }, [
        h('main#pp-main', [
          h('p#p-abc123.pp-stale', { dataStatus: 'stale', lang: 'fr', dir: 'ltr', onClick: 'alert(2)', style: 'color:red' }, [
            h('a', { href: 'javascript:alert(3)' }, 'js'),
            h('a', { href: 'JaVaScRiPt:alert(4)' }, 'js2'),
            h('a', { href: 'java\tscript:alert(5)' }, 'js3'),
            h('a', { href: 'data:text/html,<script>alert(6)</script>' }, 'data'),
            h('a', { href: 'vbscript:msgbox(7)', onMouseOver: 'alert(8)' }, 'vb'),
            h('a', { href: 'https://example.org/', hrefLang: 'fr' }, 'ok'),
            h('a', { href: '#pp-fn-1', id: 'pp-fnref-1', dataFootnoteRef: true, ariaDescribedBy: ['pp-footnote-label'] }, '1'),
            h('img', { src: 'https://tracker.example/pixel.gif', alt: 'remote' }),
            h('img', { src: 'data:image/svg+xml,<svg onload=alert(9)>', alt: 'data' }),
            h('img', { src: 'images/figure.png', alt: 'local', onError: 'alert(10)' }),
          ]),
          h('iframe', { src: 'https://evil.example/' }),
          h('object', { data: 'x.swf' }),
          h('form', { action: 'javascript:alert(11)' }, [h('input', { type: 'text', formAction: 'javascript:alert(12)' })]),
          h('svg', [h('script', 'alert(13)')]),
        ]),
      ]),
    ]),
  ],
})

test('should remove scripts, styles, handlers and hostile URLs that an earlier stage let through', () => {
  const html = serializeHtml(hostile())
  assert.doesNotMatch(html, /<script|<style|<iframe|<object|<form|<base|<svg/i)
  assert.doesNotMatch(html, /javascript:|vbscript:|data:|alert\(/i)
  assert.doesNotMatch(html, /\son[a-z]+=/i)
  assert.doesNotMatch(html, /\sstyle=/i)
  assert.doesNotMatch(html, /tracker\.example/)
})

test('should keep what our pages need: head, ids, classes, lang, dir, data-*, aria-*, footnote links, local images', () => {
  const html = serializeHtml(hostile())
  for (const piece of [
    '<!doctype html>',
    '<html lang="en">',
    '<meta charset="utf-8">',
    '<title>T</title>',
    '<link rel="stylesheet" href="../assets/screen.css">',
    '<main id="pp-main">',
    '<p id="p-abc123" class="pp-stale" data-status="stale" lang="fr" dir="ltr">',
    '<a href="https://example.org/" hreflang="fr">ok</a>',
    '<a href="#pp-fn-1" id="pp-fnref-1" data-footnote-ref aria-describedby="pp-footnote-label">1</a>',
    '<img src="images/figure.png" alt="local">',
    '<img alt="remote">',
  ]) {
    assert.ok(html.includes(piece), `${piece} in ${html}`)
  }
})

test("should keep the page's own script and style only when their text is the trusted one", () => {
  const script = 'document.body.dataset.ready = "1"'
  const css = 'body { margin: 0 }'
  const tree: Root = {
    type: 'root',
    children: [h('head', [h('style', css), h('script', script), h('script', 'alert(1)'), h('style', 'x{}')])],
  }
  const html = serializeHtml(tree, { scripts: [script], styles: [css] })
  assert.equal(html, `<head><style>${css}</style><script>${script}</script></head>`)
})

test('should not change the tree it is given', () => {
  const tree = hostile()
  const before = JSON.stringify(tree)
  serializeHtml(tree)
  assert.equal(JSON.stringify(tree), before)
})
