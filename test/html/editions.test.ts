import assert from 'node:assert/strict'
import { existsSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { before, describe, it } from 'node:test'
import { build } from '../../src/commands/build.ts'
import { collectingLogger } from '../../src/util/logger.ts'
import { axeViolations, launchBrowser, serious } from '../helpers/browser.ts'
import { byTag, classes, elements, nuCheck, parseHtmlFile, readingText } from '../helpers/html.ts'
import { languages, lockPath, publicationId, repoRoot } from '../helpers/project.ts'
import { typeset } from '../../src/edition/typography/typeset.ts'

const out = mkdtempSync(join(tmpdir(), 'press-html-'))
const page = (lang: string): string => join(out, publicationId, lang, 'index.html')
const lock = JSON.parse(readFileSync(join(repoRoot, lockPath), 'utf8')) as { blocks: { id: string }[] }
const lockIds = lock.blocks.map((b) => b.id)

describe('the HTML editions', () => {
  before(async () => {
    process.env.SOURCE_DATE_EPOCH = '1571529600'
    await build({ root: repoRoot, outDir: out, frozen: true, strict: true, formats: ['html'] }, collectingLogger())
  })

  it('should write one standalone page per language', () => {
    for (const lang of languages) assert.ok(existsSync(page(lang)), lang)
  })

  it("should carry exactly the lock's paragraph IDs, each once, in every language", () => {
    for (const lang of languages) {
      const tree = parseHtmlFile(page(lang))
      const ids = elements(tree, (e) => typeof e.properties.id === 'string').map((e) => String(e.properties.id))
      assert.equal(new Set(ids).size, ids.length, `${lang}: an id appears twice`)
      const blockIds = ids.filter((id) => lockIds.includes(id))
      // Notes are rendered together after the text: same set, one element each.
      assert.deepEqual([...blockIds].sort(), [...lockIds].sort(), `${lang}: block ids`)
    }
  })

  it('should contain every sentence of the English source text', () => {
    const seed = readFileSync(join(repoRoot, 'test', 'fixtures', 'seed', 'wuzhen-outlook-2019.en.txt'), 'utf8')
    const text = readingText(byTag(parseHtmlFile(page('en')), 'main')[0]!)
    const sentences = seed
      .replace(/\[\d\]/g, '')
      .replace(/^\s*\d?\s*/gm, '')
      .split(/(?<=[.!?])\s+|\n+/)
      .map((s) => s.replace(/\s+/g, ' ').trim())
      .filter((s) => s.length > 3)
    assert.ok(sentences.length > 80, `${sentences.length} sentences`)
    // The edition is typeset (curly quotes, dashes, no-break spaces): the seed's sentences are typeset the same way.
    // readingText folds every space (no-break ones included) to a plain one.
    for (const sentence of sentences) assert.ok(text.includes(typeset(sentence, 'en').replace(/\s+/g, ' ')), `missing: ${sentence}`)
  })

  it('should pass the Nu Html Checker with no errors in all six languages', () => {
    const errors = nuCheck(languages.map(page)).filter((m) => m.type === 'error' || m.subType === 'fatal')
    assert.deepEqual(errors, [])
  })

  it('should have no serious or critical axe-core violations in Chromium, in all six languages', async () => {
    const browser = await launchBrowser()
    try {
      for (const lang of languages) assert.deepEqual(serious(await axeViolations(browser, pathToFileURL(page(lang)).href)), [], lang)
    } finally {
      await browser.close()
    }
  })

  it('should set lang and dir, right-to-left for Arabic', () => {
    for (const lang of languages) {
      const html = byTag(parseHtmlFile(page(lang)), 'html')[0]!
      assert.equal(html.properties.lang, lang)
      assert.equal(html.properties.dir, lang === 'ar' ? 'rtl' : 'ltr')
    }
  })

  it('should translate the title and metadata', () => {
    const titles = languages.map((lang) => readingText(byTag(parseHtmlFile(page(lang)), 'title')[0]!))
    assert.equal(titles[0], 'Wuzhen Outlook 2019')
    assert.equal(new Set(titles).size, 6, titles.join(' | '))
    const zh = parseHtmlFile(page('zh'))
    assert.match(readingText(byTag(zh, 'h1')[0]!), /乌镇展望/)
    assert.match(String(elements(zh, (e) => e.properties.name === 'author')[0]!.properties.content), /高级别咨询委员会/)
  })

  it('should link every edition to the others with hreflang, and name languages in their own language', () => {
    const tree = parseHtmlFile(page('fr'))
    const alternates = elements(tree, (e) => e.tagName === 'link' && String(e.properties.rel) === 'alternate')
    assert.deepEqual(
      alternates.map((e) => e.properties.hrefLang),
      [...languages],
    )
    const switcher = elements(tree, (e) => e.tagName === 'nav' && classes(e).includes('languages'))[0]!
    assert.deepEqual(byTag(switcher, 'li').map(readingText), ['English', '中文（简体）', 'Français', 'Español', 'Русский', 'العربية'])
  })

  it('should let every paragraph jump to the same paragraph ID in each other language', () => {
    for (const lang of languages) {
      const tree = parseHtmlFile(page(lang))
      for (const id of lockIds) {
        const block = elements(tree, (e) => e.properties.id === id)[0]!
        const links = elements(block, (e) => e.tagName === 'a' && classes(e).includes('pp-alt')).map((e) => String(e.properties.href))
        assert.deepEqual(
          links,
          languages.filter((l) => l !== lang).map((l) => `../${l}/index.html#${id}`),
          `${lang} ${id}`,
        )
        const permalink = elements(block, (e) => classes(e).includes('pp-permalink'))[0]!
        assert.equal(permalink.properties.href, `#${id}`)
      }
    }
  })

  it('should link note references and notes both ways', () => {
    for (const lang of languages) {
      const tree = parseHtmlFile(page(lang))
      const refs = elements(tree, (e) => e.tagName === 'a' && e.properties.dataFootnoteRef !== undefined)
      assert.equal(refs.length, 3, lang)
      for (const ref of refs) {
        const target = String(ref.properties.href).slice(1)
        const note = elements(tree, (e) => e.properties.id === target)[0]
        assert.ok(note, `${lang}: note ${target}`)
        const back = elements(note, (e) => e.properties.dataFootnoteBackref !== undefined)[0]!
        assert.equal(back.properties.href, `#${String(ref.properties.id)}`)
      }
    }
  })

  it('should use only local stylesheets and fonts, with the script each language needs', () => {
    for (const lang of languages) {
      const tree = parseHtmlFile(page(lang))
      for (const link of byTag(tree, 'link').filter((l) => String(l.properties.rel) === 'stylesheet')) {
        assert.doesNotMatch(String(link.properties.href), /^[a-z]+:/, 'no remote stylesheet')
        assert.ok(existsSync(join(out, publicationId, lang, String(link.properties.href))))
      }
    }
    const fonts = readFileSync(join(out, publicationId, 'assets', 'fonts.css'), 'utf8')
    assert.doesNotMatch(fonts, /url\((https?:)?\/\//)
    for (const family of ['Noto Serif', 'Noto Serif SC', 'Noto Naskh Arabic']) assert.match(fonts, new RegExp(`font-family: '${family}'`))
    for (const [, file] of fonts.matchAll(/url\(([^)]+)\)/g)) assert.ok(existsSync(join(out, publicationId, 'assets', file!)), file)
    // Each language's stack is generated from the font registry, after the @font-face rules.
    assert.match(fonts, /:lang\(ar\)\s*{\s*font-family: 'Noto Naskh Arabic', 'Noto Serif';/)
    assert.match(fonts, /:lang\(zh\)\s*{\s*font-family: 'Noto Serif SC', 'Noto Serif';/)
  })

  it('should list the editions on download pages in every language, set in the bundled fonts', () => {
    for (const lang of languages) {
      const file = join(out, lang === 'en' ? 'index.html' : `index.${lang}.html`)
      const tree = parseHtmlFile(file)
      assert.equal(byTag(tree, 'html')[0]!.properties.lang, lang)
      const hrefs = elements(tree, (e) => e.tagName === 'a').map((e) => String(e.properties.href))
      for (const edition of languages) assert.ok(hrefs.includes(`${publicationId}/${edition}/index.html`), `${lang}: ${edition}`)
      const styles = elements(tree, (e) => e.tagName === 'link' && String(e.properties.rel) === 'stylesheet').map((e) =>
        String(e.properties.href),
      )
      assert.deepEqual(styles, ['assets/fonts.css'])
    }
    const fonts = readFileSync(join(out, 'assets', 'fonts.css'), 'utf8')
    for (const family of ['Noto Serif', 'Noto Serif SC', 'Noto Naskh Arabic']) assert.match(fonts, new RegExp(`font-family: '${family}'`))
    for (const [, file] of fonts.matchAll(/url\(([^)]+)\)/g)) assert.ok(existsSync(join(out, 'assets', file!)), file)
  })

  it("should say in each translation's colophon that it is a working translation and who made it", () => {
    const en = readingText(elements(parseHtmlFile(page('en')), (e) => classes(e).includes('colophon'))[0]!)
    assert.match(en, /source-language edition/)
    const fr = readingText(elements(parseHtmlFile(page('fr')), (e) => classes(e).includes('colophon'))[0]!)
    assert.match(fr, /Claude/)
    assert.match(fr, /non .*révisée|pas encore/i)
  })
})
