import assert from 'node:assert/strict'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { dirname } from 'node:path'
import { BrowserSession } from '../../src/outputs/pdf/session.ts'
import { folderUrl, PageResources } from '../../src/outputs/pdf/resources.ts'
import { facesFor, fontFaceCss, packageFaces } from '../../src/outputs/fonts.ts'
import { assertRealGlyphs, glyphs, ink } from './glyph-check.ts'
import { destinations, expectedEditions, pdfPath, sharedPdfs, tool } from './tools.ts'

/**
 * Missing glyphs. A character none of the embedded faces has is drawn either
 * from a system fallback font or as the font's .notdef glyph (the empty box,
 * glyph id 0). So for the title page and a body page of zh and ar:
 * - the page is rendered with pdftoppm and must carry ink where the text is;
 * - pdftotext of the page has no U+FFFD (unmapped glyph);
 * - every glyph drawn on it (mutool trace) must come from an embedded bundled
 *   Noto face, must not be glyph 0, and (unless it is a zero-width mark) must
 *   map to a real character;
 * - the page's glyphs must cover the characters of its heading.
 * The last test shows that the check fails on a page that does use .notdef.
 */
describe('glyphs of the Chinese and Arabic editions', () => {
  let out = ''
  before(async () => {
    out = (await sharedPdfs()).out
  })

  it('should draw the title page and a body page of zh and ar with real glyphs of the bundled fonts', async () => {
    const expected = await expectedEditions()
    for (const lang of ['zh', 'ar']) {
      const file = pdfPath(out, lang)
      const heading = expected.get(lang)!.headings[0]!
      const body = destinations(file).get(heading.id)!.page
      for (const page of [1, body]) {
        const where = `${lang} page ${page}`
        assert.ok(ink(file, page) > 0.002, `${where}: the rendered page is blank`)
        assertRealGlyphs(glyphs(file, page), where, lang !== 'ar')
        assert.doesNotMatch(
          tool('pdftotext', ['-f', String(page), '-l', String(page), file, '-']),
          /\uFFFD/,
          `${where}: pdftotext finds unmapped glyphs`,
        )
      }
      // Characters drawn: mutool for Chinese, poppler (which reads the ToUnicode maps) for Arabic.
      const text = (page: number): string =>
        lang === 'ar'
          ? tool('pdftotext', ['-f', String(page), '-l', String(page), file, '-'])
          : glyphs(file, page)
              .map((g) => g.unicode)
              .join('')
      const drawn = new Set(text(body))
      const letters = [...heading.text].filter((c) => /[\p{Script=Han}\p{Script=Arabic}]/u.test(c) && !/[\u064B-\u065F]/u.test(c))
      const missing = letters.filter((c) => !drawn.has(c))
      assert.ok(missing.length <= letters.length * 0.02, `${lang}: heading characters not drawn: ${[...new Set(missing)].join(' ')}`)
      const title = new Set(text(1))
      for (const c of expected.get(lang)!.edition.meta.title.replace(/\s/g, ''))
        assert.ok(title.has(c), `${lang}: title character ${c} not drawn`)
    }
  })

  describe('the check itself', () => {
    const session = new BrowserSession()
    after(() => session.close())

    it('should fail on a page that draws a missing-glyph box', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'press-notdef-'))
      // The bundled Noto Serif for the Latin text, and private-use characters no font has.
      const text = 'A page with a missing glyph box: \uE000 and more text after it.'
      const faces = facesFor(text, packageFaces('@fontsource/noto-serif'))
      const css = faces.map((face) => fontFaceCss([face], folderUrl(dirname(face.path)))).join('\n')
      const resources = new PageResources()
      for (const face of faces) resources.file(folderUrl(dirname(face.path)) + face.fileName, face.path)
      const url = resources.text(
        'notdef.html',
        `<!doctype html><html lang="en"><meta charset="utf-8"><style>${css} p { font: 20px 'Noto Serif' }</style><p>${text}</p></html>`,
      )
      const pdf = join(dir, 'notdef.pdf')
      await session.withPage(resources, async (page) => {
        await page.goto(url)
        await page.evaluate('document.fonts.ready')
        writeFileSync(pdf, await page.pdf({ format: 'A4' }))
      })
      assert.throws(() => assertRealGlyphs(glyphs(pdf, 1), 'control'), /\.notdef|not a bundled font/)
    })
  })
})
