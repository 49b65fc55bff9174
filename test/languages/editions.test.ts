/**
 * The multi-script fixture in every format: de, el, ja, ko, zh-Hant, he, hi
 * and th build with bundled fonts only (pdffonts), no missing-glyph boxes on a
 * rendered page, valid EPUBs (epubcheck) and HTML (Nu checker), and the
 * direction and fonts each tag asks for. One build of everything.
 */
import assert from 'node:assert/strict'
import { existsSync, mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { before, describe, it } from 'node:test'
import { strFromU8, unzipSync } from 'fflate'
import { mapBounded } from '../../src/util/async.ts'
import { ace, epubcheck } from '../epub/tools.ts'
import { nuCheck } from '../helpers/html.ts'
import { press } from '../helpers/project.ts'
import { pdffonts, tool } from '../pdf/tools.ts'
import { assertRealGlyphs, glyphs, ink } from '../pdf/glyph-check.ts'
import { copyFixture, fixtureId, fixtureLanguages } from './fixture.ts'
import { pathToFileURL } from 'node:url'
import { chromiumPath, launchBrowser } from '../helpers/browser.ts'

const languages = ['en', ...fixtureLanguages]
const ownFont: Record<string, RegExp> = {
  de: /NotoSerif-/,
  el: /NotoSerif-/,
  ja: /NotoSerifJP/,
  ko: /NotoSerifKR/,
  'zh-Hant': /NotoSerifTC/,
  he: /NotoSerifHebrew/,
  hi: /NotoSerifDevanagari/,
  th: /NotoSerifThai/,
}

describe('a publication in eight scripts, in every format', () => {
  let dir = ''
  let out = ''
  const edition = (language: string, ext: string) =>
    join(out, fixtureId, language, ext === 'html' ? 'index.html' : `${fixtureId}.${language}.${ext}`)
  before(() => {
    dir = copyFixture()
    const run = press(dir, ['build'])
    assert.equal(run.status, 0, run.stderr)
    out = join(dir, 'dist')
  })

  it('should write every format of every language', () => {
    for (const language of languages)
      for (const ext of ['html', 'epub', 'pdf']) assert.ok(existsSync(edition(language, ext)), `${language} ${ext}`)
    for (const language of fixtureLanguages) {
      assert.ok(existsSync(join(out, fixtureId, 'parallel', `en-${language}.pdf`)), `parallel en-${language}`)
      assert.ok(existsSync(join(out, fixtureId, 'review', `en-${language}.html`)), `review en-${language}`)
    }
  })

  it('should embed only bundled Noto faces, TrueType, none Type 3, none of the machine, the language own face first', () => {
    for (const language of fixtureLanguages) {
      for (const file of [edition(language, 'pdf'), join(out, fixtureId, 'parallel', `en-${language}.pdf`)]) {
        const fonts = pdffonts(file)
        assert.ok(fonts.length > 0, file)
        for (const font of fonts) {
          assert.match(font.name, /^[A-Z]{6}\+Noto(Serif|Sans|Naskh)/, `${file}: ${font.name}`)
          assert.doesNotMatch(font.name, /DejaVu|Droid|Liberation|Fallback/, file)
          assert.notEqual(font.type, 'Type 3', `${file}: ${font.name}`)
          assert.match(font.type, /TrueType/, `${file}: ${font.name} is ${font.type}`)
          assert.ok(font.embedded, `${file}: ${font.name} not embedded`)
        }
        assert.ok(
          fonts.some((f) => ownFont[language]!.test(f.name)),
          `${file}: no ${ownFont[language]} in ${fonts.map((f) => f.name).join(', ')}`,
        )
      }
      // Han is shared: the Japanese edition uses the Japanese face only, not the Chinese ones.
      if (language === 'ja') assert.ok(pdffonts(edition('ja', 'pdf')).every((f) => !/NotoSerif(SC|TC|KR)/.test(f.name)))
    }
  })

  it('should draw the title page and the first text page of each language with real glyphs', () => {
    for (const language of fixtureLanguages) {
      const file = edition(language, 'pdf')
      for (const page of [1, 3]) {
        const where = `${language} page ${page}`
        assert.ok(ink(file, page) > 0.002, `${where}: blank`)
        // mutool names shaped Hebrew, Devanagari and Thai clusters from the font, not the ToUnicode map.
        assertRealGlyphs(glyphs(file, page), where, !['he', 'hi', 'th'].includes(language))
        assert.doesNotMatch(tool('pdftotext', ['-f', String(page), '-l', String(page), file, '-']), /\uFFFD/, where)
      }
    }
  })

  it('should run Hebrew right to left and say each language by its tag', () => {
    const html = (language: string) => readFileSync(edition(language, 'html'), 'utf8')
    assert.match(html('he'), /<html lang="he" dir="rtl"/)
    assert.match(html('zh-Hant'), /<html lang="zh-Hant" dir="ltr"/)
    const opf = strFromU8(unzipSync(readFileSync(edition('he', 'epub')))['EPUB/content.opf']!)
    assert.match(opf, /page-progression-direction="rtl"/)
    const css = readFileSync(join(out, fixtureId, 'assets', 'fonts.css'), 'utf8')
    assert.match(css, /:lang\(ja\) \{\n {2}font-family: 'Noto Serif JP', 'Noto Serif';\n\}/)
    assert.match(css, /:lang\(zh-Hant\) \{\n {2}font-family: 'Noto Serif TC', 'Noto Serif';\n\}/)
    for (const name of ['fonts.css', 'screen.css']) {
      const text = readFileSync(join(out, fixtureId, 'assets', name), 'utf8')
      for (const [, value] of text.matchAll(/font-family:([^;]+);/g))
        assert.doesNotMatch(
          value!,
          /\b(serif|sans-serif|system-ui|monospace)\s*$/,
          `${name}: a generic family lets the machine's fonts in: ${value}`,
        )
    }
    const ja = strFromU8(unzipSync(readFileSync(edition('ja', 'epub')))['EPUB/style.css']!)
    assert.match(ja, /:lang\(ja\) \{\n {2}font-family: 'Noto Serif JP', 'Noto Serif';\n\}/)
    assert.match(ja, /line-break: strict/)
  })

  it('should pass epubcheck with 0 errors and 0 warnings in every language', async () => {
    const results = await mapBounded(languages, 2, async (language) => {
      const reports = join(out, 'epubcheck', language)
      mkdirSync(reports, { recursive: true })
      return { language, ...(await epubcheck(edition(language, 'epub'), reports)) }
    })
    for (const r of results)
      assert.deepEqual(
        { language: r.language, fatals: r.fatals, errors: r.errors, warnings: r.warnings, messages: r.messages },
        { language: r.language, fatals: 0, errors: 0, warnings: 0, messages: [] },
      )
  })

  it('should have no serious Ace violations in the right-to-left, Devanagari and Japanese EPUBs', async () => {
    const chromium = chromiumPath()
    const results = await mapBounded(['he', 'hi', 'ja'], 2, async (language) => ({
      language,
      ...(await ace(edition(language, 'epub'), join(out, 'ace', language), chromium)),
    }))
    for (const r of results) {
      const severe = r.violations.filter((v) => v.impact === 'critical' || v.impact === 'serious')
      assert.deepEqual(severe, [], `${r.language}: ${severe.map((v) => `${v.impact} ${v.rule} in ${v.file}: ${v.description}`).join('\n')}`)
    }
  })

  // It once found the footnote back-reference "↩" (no bundled Latin face has U+21A9) and the review pages' <code>
  // (the browser's monospace) drawn with the machine's DejaVu fonts.
  it('should draw every glyph of the HTML editions, review pages and download page with a bundled font', async () => {
    const browser = await launchBrowser()
    try {
      const pages = [
        ...languages.map((language) => edition(language, 'html')),
        ...fixtureLanguages.map((language) => join(out, fixtureId, 'review', `en-${language}.html`)),
        join(out, 'index.html'),
      ]
      for (const file of pages) {
        const page = await browser.newPage()
        const client = await page.createCDPSession()
        await client.send('DOM.enable')
        await client.send('CSS.enable')
        await page.goto(pathToFileURL(file).href, { waitUntil: 'load' })
        await page.evaluate(() => document.fonts.ready.then(() => undefined))
        const { root } = await client.send('DOM.getDocument', { depth: -1 })
        const { nodeIds } = await client.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector: 'body *' })
        for (const nodeId of nodeIds) {
          const { fonts } = await client.send('CSS.getPlatformFontsForNode', { nodeId })
          for (const font of fonts)
            assert.ok(font.isCustomFont, `${file}: ${font.glyphCount} glyphs drawn with the system font ${font.familyName}`)
        }
        await page.close()
      }
    } finally {
      await browser.close()
    }
  })

  it('should pass the Nu Html Checker with 0 errors on the HTML editions', () => {
    const errors = nuCheck(languages.map((language) => edition(language, 'html'))).filter((m) => m.type === 'error')
    assert.deepEqual(
      errors.map((m) => `${m.url}:${m.lastLine}: ${m.message}`),
      [],
    )
  })
})
