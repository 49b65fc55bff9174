import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { before, describe, it } from 'node:test'
import { resolveIds } from '../../src/ids/resolve.ts'
import { findPublications } from '../../src/project/paths.ts'
import { buildInto, entries, sharedEpubs, epubPath, htmlPath, languages, publicationId, root, sourceDateEpoch, text } from './tools.ts'

const idsIn = (markup: string): string[] => [...markup.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!)
const sha256 = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex')
const documentsOf = (files: Map<string, Uint8Array>): [string, string][] =>
  [...files.keys()].filter((name) => name.endsWith('.xhtml')).map((name) => [name, text(files, name)])

describe('EPUB editions', () => {
  let outDir = ''
  let project = ''
  let paragraphIds = new Set<string>()
  before(async () => {
    ;({ root: project, out: outDir } = await sharedEpubs())
    const [publication] = await findPublications(root, publicationId)
    paragraphIds = new Set((await resolveIds(publication!, { frozen: true, write: false })).ids)
  })

  it('should carry the same paragraph IDs as the HTML edition of the same language', () => {
    for (const language of languages) {
      const html = new Set(idsIn(readFileSync(htmlPath(outDir, language), 'utf8')).filter((id) => paragraphIds.has(id)))
      const epub = documentsOf(entries(epubPath(outDir, language))).flatMap(([, doc]) => idsIn(doc))
      const epubParagraphs = epub.filter((id) => paragraphIds.has(id))
      assert.equal(new Set(epubParagraphs).size, epubParagraphs.length, `${language}: a paragraph ID appears twice`)
      assert.deepEqual([...epubParagraphs].sort(), [...html].sort(), language)
      assert.deepEqual([...html].sort(), [...paragraphIds].sort(), `${language}: every block of the source is in the edition`)
    }
  })

  it('should give identical bytes (sha256) when built twice', async () => {
    const again = await buildInto(['epub'], 'press-epub-again-', project)
    for (const language of languages) assert.equal(sha256(epubPath(again, language)), sha256(epubPath(outDir, language)), language)
  })

  it('should store mimetype first, uncompressed, with no extra field', () => {
    for (const language of languages) {
      const bytes = readFileSync(epubPath(outDir, language))
      assert.equal(bytes.readUInt32LE(0), 0x04034b50, 'local file header')
      assert.equal(bytes.readUInt16LE(8), 0, 'compression method: stored')
      const nameLength = bytes.readUInt16LE(26)
      assert.equal(bytes.readUInt16LE(28), 0, 'extra field length')
      assert.equal(bytes.subarray(30, 30 + nameLength).toString(), 'mimetype')
      assert.equal(bytes.subarray(30 + nameLength, 30 + nameLength + 20).toString(), 'application/epub+zip')
    }
  })

  it('should state language, direction, a stable per-edition identifier and the build date in the package document', () => {
    const identifiers = new Set<string>()
    for (const language of languages) {
      const opf = text(entries(epubPath(outDir, language)), 'EPUB/content.opf')
      const dir = language === 'ar' ? 'rtl' : 'ltr'
      assert.match(opf, new RegExp(`<package [^>]*xml:lang="${language}" dir="${dir}"`))
      assert.match(opf, new RegExp(`<dc:language>${language}</dc:language>`))
      assert.match(opf, /<meta property="dcterms:modified">2019-10-20T00:00:00Z<\/meta>/)
      assert.equal(opf.includes('page-progression-direction="rtl"'), language === 'ar', language)
      const id = /<dc:identifier id="edition-id">(urn:uuid:[0-9a-f-]{36})<\/dc:identifier>/.exec(opf)?.[1]
      assert.ok(id, language)
      identifiers.add(id)
      for (const element of ['dc:title', 'dc:creator', 'dc:publisher', 'dc:date'])
        assert.match(opf, new RegExp(`<${element}[ >]`), `${language} ${element}`)
      for (const property of [
        'accessMode',
        'accessModeSufficient',
        'accessibilityFeature',
        'accessibilityHazard',
        'accessibilitySummary',
      ]) {
        assert.match(opf, new RegExp(`<meta property="schema:${property}">[^<]+</meta>`), `${language} ${property}`)
      }
      assert.match(opf, /<meta property="dcterms:conformsTo">EPUB Accessibility 1\.1 - WCAG 2\.1 Level AA<\/meta>/)
    }
    assert.equal(identifiers.size, languages.length, 'one identifier per language edition')
  })

  it('should put lang, xml:lang and dir on every content document', () => {
    for (const language of languages) {
      const dir = language === 'ar' ? 'rtl' : 'ltr'
      for (const [name, doc] of documentsOf(entries(epubPath(outDir, language)))) {
        assert.match(doc, new RegExp(`<html [^>]*lang="${language}" xml:lang="${language}" dir="${dir}"`), `${language} ${name}`)
      }
    }
  })

  it('should link every noteref to a footnote and every footnote back to its noteref', () => {
    for (const language of languages) {
      const docs = documentsOf(entries(epubPath(outDir, language)))
      const where = new Map(docs.flatMap(([name, doc]) => idsIn(doc).map((id): [string, string] => [id, name.replace(/^EPUB\//, '')])))
      const refs = docs.flatMap(([name, doc]) =>
        [...doc.matchAll(/<a href="([^"]+)" id="([^"]+)" epub:type="noteref" role="doc-noteref">/g)].map((m) => ({
          name,
          href: m[1]!,
          id: m[2]!,
        })),
      )
      const notes = docs.flatMap(([name, doc]) =>
        [
          ...doc.matchAll(
            /<aside id="([^"]+)" epub:type="footnote" role="doc-footnote"[^>]*><p id="[^"]+"><a href="([^"]+)" role="doc-backlink"/g,
          ),
        ].map((m) => ({ name, id: m[1]!, back: m[2]! })),
      )
      assert.ok(refs.length > 0 && notes.length > 0, language)
      const resolve = (from: string, href: string): string => (href.startsWith('#') ? `${from.replace(/^EPUB\//, '')}${href}` : href)
      for (const ref of refs) assert.equal(resolve(ref.name, ref.href), `${where.get(ref.href.split('#')[1]!)}#${ref.href.split('#')[1]}`)
      for (const note of notes) {
        const target = note.back.split('#')[1]!
        assert.equal(resolve(note.name, note.back), `${where.get(target)}#${target}`)
        assert.ok(
          refs.some((ref) => ref.id === target && ref.href.endsWith(`#${note.id}`)),
          `${language}: ${note.id} links back to a ref that points to it`,
        )
      }
      assert.deepEqual(new Set(refs.map((r) => r.href.split('#')[1])), new Set(notes.map((n) => n.id)), language)
    }
  })

  it('should have a nav document with a table of contents and landmarks that point at existing targets', () => {
    for (const language of languages) {
      const files = entries(epubPath(outDir, language))
      const nav = text(files, 'EPUB/nav.xhtml')
      assert.match(nav, /<nav id="pp-toc" epub:type="toc" role="doc-toc"/)
      assert.match(nav, /<nav id="pp-landmarks" class="landmarks" epub:type="landmarks"/)
      for (const [, href] of nav.matchAll(/href="([^"]+)"/g)) {
        const [file, fragment] = href!.split('#')
        const doc = text(files, `EPUB/${file}`)
        if (fragment) assert.ok(idsIn(doc).includes(fragment), `${language}: ${href}`)
      }
    }
  })

  it('should embed the fonts its script needs and no others', () => {
    const fontsOf = (language: string): string[] => [...entries(epubPath(outDir, language)).keys()].filter((n) => n.endsWith('.woff2'))
    for (const language of languages) {
      const fonts = fontsOf(language)
      const css = text(entries(epubPath(outDir, language)), 'EPUB/style.css')
      assert.ok(fonts.length > 0, language)
      for (const font of fonts) assert.ok(css.includes(`url(fonts/${font.split('/').at(-1)})`), `${language}: ${font} is declared`)
      assert.equal(
        fonts.some((f) => f.includes('noto-serif-sc')),
        language === 'zh',
        `${language}: Chinese fonts`,
      )
      assert.equal(
        fonts.some((f) => f.includes('noto-naskh-arabic-arabic')),
        language === 'ar',
        `${language}: Arabic fonts`,
      )
    }
    // Chinese takes only the unicode-range chunks its characters fall in, not the whole family.
    assert.ok(fontsOf('zh').filter((f) => f.includes('noto-serif-sc')).length < 60)
  })

  it('should end with a colophon that states the translation status', () => {
    for (const language of languages) {
      const colophon = text(entries(epubPath(outDir, language)), 'EPUB/colophon.xhtml')
      assert.match(colophon, /epub:type="colophon" role="doc-colophon"/)
      if (language !== 'en') assert.match(colophon, /class="translation-status"/, language)
    }
  })

  it('should state the build date in every timestamp of the container', () => {
    const files = readFileSync(epubPath(outDir, 'fr'))
    // Central directory entries: DOS time at +12, date at +14.
    const date = new Date(sourceDateEpoch * 1000)
    const dosDate = ((date.getUTCFullYear() - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate()
    let seen = 0
    for (
      let i = files.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
      i >= 0;
      i = files.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), i + 4)
    ) {
      assert.equal(files.readUInt16LE(i + 14), dosDate)
      seen++
    }
    assert.ok(seen > 10)
  })
})
