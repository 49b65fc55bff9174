/**
 * The multi-script fixture in every format: de, el, ja, ko, zh-Hant, he, hi
 * and th build with bundled fonts only (pdffonts), no missing-glyph boxes on
 * any page, valid EPUBs (epubcheck, Ace) and HTML (Nu checker), the direction
 * and fonts each tag asks for, a chapter per file that opens with `#`, the
 * image with its translated alt text in every format, and no comment
 * published. One build of everything.
 */
import assert from 'node:assert/strict'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { before, describe, it } from 'node:test'
import { strFromU8, unzipSync } from 'fflate'
import { aceAll, epubcheckAll } from '../epub/tools.ts'
import { nuCheck } from '../helpers/html.ts'
import { press, repoRoot } from '../helpers/project.ts'
import { bookmarks, pdffonts, pdfinfo, tool } from '../pdf/tools.ts'
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

const chapters = ['h-fme0qa', 'h-g5tdkj', 'h-15kqoi']
const source = join(repoRoot, 'test', 'fixtures', fixtureId)
const image = readFileSync(join(source, 'content', fixtureId, 'images', 'readers.png'))
/** The text of a block in a language (the source's for en), from the fixture's lock and translation files. */
function textOf(language: string, id: string): string {
  if (language === 'en')
    return JSON.parse(readFileSync(join(source, 'content', fixtureId, 'ids.lock.json'), 'utf8')).blocks.find(
      (b: { id: string }) => b.id === id,
    ).text
  return JSON.parse(readFileSync(join(source, 'translations', language, `${fixtureId}.json`), 'utf8')).entries[id].text
}
const altOf = (language: string): string => /^!\[([^\]]+)\]/.exec(textOf(language, 'p-1wi1xh'))![1]!
/** The /Alt of every Figure structure element of a tagged PDF. */
function figureAlts(file: string): string[] {
  const objects = JSON.parse(tool('qpdf', ['--json=2', '--json-key=qpdf', file])).qpdf[1] as Record<string, { value?: unknown }>
  return Object.values(objects)
    .map((o) => o.value as Record<string, string> | undefined)
    .filter((v) => v?.['/S'] === '/Figure')
    .map((v) => String(v!['/Alt'] ?? '').replace(/^u:/, ''))
}
const comment = /The key name P|printed on the keyboard|<!--/

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

  it('should draw every page of each language with real glyphs', () => {
    for (const language of fixtureLanguages) {
      const file = edition(language, 'pdf')
      const pages = Number(pdfinfo(file)['Pages'])
      assert.ok(pages >= 5, `${language}: ${pages} pages`)
      for (let page = 1; page <= pages; page++) {
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
    const checked = await epubcheckAll(
      languages.map((language) => ({ file: edition(language, 'epub'), reportDir: join(out, 'epubcheck', language) })),
    )
    const results = checked.map((r, i) => ({ language: languages[i]!, ...r }))
    for (const r of results)
      assert.deepEqual(
        { language: r.language, fatals: r.fatals, errors: r.errors, warnings: r.warnings, messages: r.messages },
        { language: r.language, fatals: 0, errors: 0, warnings: 0, messages: [] },
      )
  })

  it('should have no serious Ace violations in the EPUB of each of the eight target languages', async () => {
    const chromium = chromiumPath()
    const checked = await aceAll(
      fixtureLanguages.map((language) => ({ file: edition(language, 'epub'), reportDir: join(out, 'ace', language) })),
      chromium,
    )
    const results = checked.map((r, i) => ({ language: fixtureLanguages[i]!, ...r }))
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

  it('should open a chapter with each file that starts with #, and go on with the chapter in a file without a heading', () => {
    for (const language of languages) {
      const html = readFileSync(edition(language, 'html'), 'utf8')
      const sections = [...html.matchAll(/<section class="thesis" aria-labelledby="([^"]+)">([\s\S]*?)<\/section>/g)]
      assert.deepEqual(
        sections.map((m) => m[1]),
        chapters,
        language,
      )
      assert.match(sections[2]![2]!, /<h2 id="h-6reh7j"[\s\S]*<p id="p-u7x2m3"/, `${language}: closing.md continues the last chapter`)
      const nav = strFromU8(unzipSync(readFileSync(edition(language, 'epub')))['EPUB/nav.xhtml']!)
      const toc = /<nav[^>]*epub:type="toc"[\s\S]*?<\/nav>/.exec(nav)![0]
      for (const id of chapters) assert.ok(toc.includes(textOf(language, id).replace(/&/g, '&amp;')), `${language}: ${id} in the EPUB nav`)
      const marks = bookmarks(edition(language, 'pdf'))
      const top = marks.filter((m) => chapters.some((id) => m.title === textOf(language, id)))
      assert.equal(top.length, 3, `${language}: ${JSON.stringify(marks)}`)
      assert.ok(top.every((m) => m.depth === top[0]!.depth))
      assert.ok(marks.find((m) => m.title === textOf(language, 'h-6reh7j'))!.depth > top[0]!.depth, `${language}: ## under #`)
    }
  })

  it('should show the image with its translated alt text in the HTML, EPUB, PDF and parallel PDF of every language', () => {
    for (const language of languages) {
      const alt = altOf(language)
      const html = readFileSync(edition(language, 'html'), 'utf8')
      const img = new RegExp(`<img src="(images/[0-9a-f]{16}\\.png)" alt="${alt}"`).exec(html)
      assert.ok(img, `${language}: <img alt="${alt}">`)
      assert.deepEqual(readFileSync(join(out, fixtureId, language, img[1]!)), image, `${language}: HTML image bytes`)
      const epub = unzipSync(readFileSync(edition(language, 'epub')))
      const opf = strFromU8(epub['EPUB/content.opf']!)
      const item = /<item id="[^"]+" href="(images\/[0-9a-f]{16}\.png)" media-type="image\/png"\/>/.exec(opf)
      assert.ok(item, `${language}: the image in the EPUB manifest`)
      assert.deepEqual(Buffer.from(epub[`EPUB/${item[1]}`]!), image, `${language}: EPUB image bytes`)
      const xhtml = Object.entries(epub)
        .filter(([name]) => name.endsWith('.xhtml'))
        .map(([, bytes]) => strFromU8(bytes))
      assert.ok(
        xhtml.some((page) => page.includes(`alt="${alt}"`)),
        `${language}: EPUB <img alt>`,
      )
      const pdf = edition(language, 'pdf')
      // The real picture (80 × 48), not the 14 × 16 icon Chromium prints for a broken image.
      assert.match(tool('pdfimages', ['-list', pdf]), /^\s+\d+\s+\d+\s+image\s+80\s+48\s/m, `${language}: the PDF image`)
      assert.deepEqual(figureAlts(pdf), [alt], `${language}: the PDF Figure /Alt`)
      if (language === 'en') continue
      const parallel = join(out, fixtureId, 'parallel', `en-${language}.pdf`)
      assert.equal(tool('pdfimages', ['-list', parallel]).match(/^\s+\d+\s+\d+\s+image\s+80\s+48\s/gm)?.length, 2, `en-${language}`)
      assert.deepEqual(figureAlts(parallel).sort(), [altOf('en'), alt].sort(), `en-${language}: the parallel PDF Figure /Alt`)
    }
  })

  it('should publish no comment of the sources in any format', () => {
    for (const language of languages) {
      assert.doesNotMatch(readFileSync(edition(language, 'html'), 'utf8'), comment, `${language} HTML`)
      const epub = unzipSync(readFileSync(edition(language, 'epub')))
      for (const [name, bytes] of Object.entries(epub))
        if (name.endsWith('.xhtml')) assert.doesNotMatch(strFromU8(bytes), comment, `${language} EPUB ${name}`)
      assert.doesNotMatch(tool('pdftotext', [edition(language, 'pdf'), '-']), comment, `${language} PDF`)
    }
  })
})
