import { test } from 'node:test'
import assert from 'node:assert/strict'
import { checkImageUrl, checkLinkUrl, schemeOf } from '../../src/util/url-policy.ts'

const hostileLinks: [string, string][] = [
  ['javascript:alert(1)', 'javascript'],
  ['JaVaScRiPt:alert(1)', 'javascript'],
  ['JaVaScRiPt&#58;alert(1)', 'javascript'],
  ['&#106;avascript:alert(1)', 'javascript'],
  ['&#x6A;avascript:alert(1)', 'javascript'],
  ['&#106avascript&colon;alert(1)', 'javascript'],
  ['java\tscript:alert(1)', 'javascript'],
  ['java\nscript:alert(1)', 'javascript'],
  [' \u0001javascript:alert(1)', 'javascript'],
  ['java\u200bscript:alert(1)', 'javascript'],
  ['java%73cript:alert(1)', 'javascript'],
  ['%6A%61%76%61%73%63%72%69%70%74:alert(1)', 'javascript'],
  ['java%2573cript:alert(1)', 'javascript'],
  ['vbscript:msgbox(1)', 'vbscript'],
  ['VBSCRIPT:msgbox(1)', 'vbscript'],
  ['data:text/html,<script>alert(1)</script>', 'data'],
  ['DATA:text/html;base64,PHNjcmlwdD4=', 'data'],
  ['file:///etc/passwd', 'file'],
  ['ftp://example.org/x', 'ftp'],
  ['tel:+4100', 'tel'],
  ['x-unknown:thing', 'x-unknown'],
]

const benignLinks = [
  'https://www.wuzhenwic.org/',
  'HTTP://EXAMPLE.ORG/a',
  'http://example.org/a?b=c#d',
  'mailto:office@example.org',
  '#h-abc123',
  'chapter-2.html#p-000001',
  '../other/index.html',
  '/absolute/path',
  '//example.org/x',
  'a%20file.html',
  '',
]

for (const [url, scheme] of hostileLinks) {
  test(`should refuse the link ${JSON.stringify(url)} as a ${scheme}: URL`, () => {
    const verdict = checkLinkUrl(url)
    assert.equal(verdict.allowed, false)
    assert.equal(schemeOf(url), scheme)
    if (!verdict.allowed) {
      assert.equal(verdict.kind, 'scheme')
      assert.equal(verdict.reason, `Link to a "${scheme}:" URL is not allowed`)
    }
  })
  test(`should refuse the image ${JSON.stringify(url)}`, () => {
    assert.equal(checkImageUrl(url).allowed, false)
  })
}

for (const url of benignLinks) {
  test(`should allow the link ${JSON.stringify(url)}`, () => {
    assert.deepEqual(checkLinkUrl(url), { allowed: true })
  })
}

test('should allow images that are relative local files', () => {
  for (const url of ['images/figure.png', './figure.png', 'figures/a%20b.svg', 'deep/er/pic.jpg']) {
    assert.deepEqual(checkImageUrl(url), { allowed: true }, url)
  }
})

test('should refuse remote images with a hint to put the file into the publication folder', () => {
  for (const url of [
    'https://example.org/a.png',
    'http://example.org/a.png',
    'HTTPS://x/y.png',
    '//example.org/a.png',
    '\\\\host\\a.png',
    'ht\ttps://x/a.png',
  ]) {
    const verdict = checkImageUrl(url)
    assert.equal(verdict.allowed, false, url)
    if (!verdict.allowed) {
      assert.equal(verdict.kind, 'remote', url)
      assert.match(verdict.hint, /Put the image file into the publication's folder/)
    }
  }
})

test('should refuse images with an absolute path, an empty path or a mailto: scheme', () => {
  assert.equal(checkImageUrl('/etc/a.png').allowed, false)
  assert.equal(checkImageUrl('').allowed, false)
  assert.equal(checkImageUrl('mailto:a@b.c').allowed, false)
})
