import assert from 'node:assert/strict'
import { before, describe, it } from 'node:test'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import {
  approxFind,
  bodyText,
  bookmarks,
  destinations,
  expectedEditions,
  languages,
  normalize,
  pdffonts,
  pdfinfo,
  pdfPath,
  repoRoot,
  sharedPdfs,
  tool,
  type ExpectedEdition,
} from './tools.ts'

/**
 * Whether `page` contains `sample`. Arabic is matched approximately (at most 10%
 * edits): poppler moves some letters that carry a mark (أُ, إِ) off their place
 * on the line, so exact matching would test poppler rather than the PDF.
 */
function onPage(lang: string, page: string, sample: string): boolean {
  if (lang !== 'ar') return normalize(page).includes(normalize(sample))
  const needle = normalize(sample)
  return approxFind(normalize(page), needle).distance <= Math.ceil(needle.length * 0.1)
}

const lock = JSON.parse(readFileSync(join(repoRoot, 'content/wuzhen-outlook-2019/ids.lock.json'), 'utf8')) as { blocks: { id: string }[] }

describe('the PDF editions', () => {
  let out = ''
  let expected = new Map<string, ExpectedEdition>()
  const file = (lang: string): string => pdfPath(out, lang)

  before(async () => {
    out = (await sharedPdfs()).out
    expected = await expectedEditions()
  })

  it('should be tagged, titled in their language, A4, with author, subject, keywords, creator and /Lang', () => {
    for (const lang of languages) {
      const info = pdfinfo(file(lang))
      const meta = expected.get(lang)!.edition.meta
      assert.equal(info.Tagged, 'yes', lang)
      assert.equal(info.Title, meta.title, lang)
      assert.equal(info.Author, meta.issuer, lang)
      assert.equal(info.Creator, 'Polyglot Press', lang)
      assert.ok(info.Subject && info.Keywords, `${lang}: subject and keywords`)
      const [w, h] = /^([\d.]+) x ([\d.]+) pts/
        .exec(info['Page size'] ?? '')!
        .slice(1)
        .map(Number)
      assert.ok(Math.abs(w! - 595) < 1 && Math.abs(h! - 842) < 1, `${lang}: page size ${info['Page size']}`)
      assert.ok(Number(info.Pages) >= 5, lang)
      const catalog = tool('qpdf', ['--show-object=trailer', '--filtered-stream-data', file(lang)])
      assert.ok(catalog.length > 0)
      const root = tool('qpdf', ['--json=2', '--json-key=qpdf', file(lang)])
      assert.match(root, new RegExp(`"/Lang": "u:${lang}"`), `${lang}: /Lang`)
    }
  })

  it('should embed every font, none of them Type 3, all of them the @fontsource Noto faces', () => {
    for (const lang of languages) {
      const fonts = pdffonts(file(lang))
      assert.ok(fonts.length > 0, lang)
      for (const font of fonts) {
        assert.ok(font.embedded, `${lang}: ${font.name} not embedded`)
        assert.notEqual(font.type, 'Type 3', `${lang}: ${font.name} is Type 3`)
        assert.ok(font.unicode, `${lang}: ${font.name} has no ToUnicode map`)
        assert.match(font.name, /^[A-Z]{6}\+Noto(Serif|SerifSC|NaskhArabic)/, `${lang}: ${font.name} is not one of the bundled fonts`)
      }
    }
  })

  it('should have a bookmark for every heading, in reading order, with titles in logical order (Arabic too)', () => {
    for (const lang of languages) {
      const exp = expected.get(lang)!
      const l = exp.edition.localizer
      const titles = bookmarks(file(lang)).map((b) => b.title)
      assert.deepEqual(
        titles,
        [exp.edition.meta.title, l.t('contents'), ...exp.headings.map((h) => h.text.replace(/\s+/g, ' ').trim()), l.t('colophon')],
        lang,
      )
    }
    const arabic = bookmarks(file('ar'))[0]!.title
    assert.match(arabic, /^[\u0600-\u06FF]/, 'the Arabic title bookmark starts with its first (Arabic) word, not "2019"')
  })

  it('should make every paragraph ID a named destination, on the page where the paragraph is', () => {
    for (const lang of languages) {
      const dests = destinations(file(lang))
      const missing = lock.blocks.map((b) => b.id).filter((id) => !dests.has(id))
      assert.deepEqual(missing, [], `${lang}: paragraph IDs without a destination`)
      const pages = bodyText(file(lang), Number(pdfinfo(file(lang)).Pages))
      for (const block of expected.get(lang)!.blocks.slice(0, 8)) {
        const start = [...block.text].slice(0, 40).join('')
        assert.ok(
          onPage(lang, pages[dests.get(block.id)!.page - 1]!, start),
          `${lang}: ${block.id} is not on page ${dests.get(block.id)!.page}`,
        )
      }
    }
  })

  it("should put every destination at its paragraph's first line, not a margin above it", () => {
    // Chromium writes destination tops relative to the content box; the build moves them to the page.
    for (const lang of ['en', 'zh', 'ru']) {
      const dests = destinations(file(lang))
      for (const block of expected.get(lang)!.blocks) {
        const { page, top } = dests.get(block.id)!
        const bbox = tool('pdftotext', ['-f', String(page), '-l', String(page), '-bbox', file(lang), '-'])
        const first = normalize(block.text.trim().split(/\s+/)[0]!).slice(0, 4)
        const words = [...bbox.matchAll(/<word xMin="[\d.]+" yMin="([\d.]+)"[^>]*>([^<]*)</g)].map((m) => ({
          y: Number(m[1]),
          text: m[2]!,
        }))
        const near = words.filter((w) => Math.abs(w.y - (842 - top)) <= 6)
        assert.ok(
          near.some((w) => normalize(w.text).startsWith(first)),
          `${lang} ${block.id}: no "${first}" within 6 pt of its destination (${(842 - top).toFixed(1)} pt from the top of page ${page})`,
        )
      }
    }
  })

  it('should print in the table of contents the pages where the headings land', () => {
    for (const lang of languages) {
      const exp = expected.get(lang)!
      const dests = destinations(file(lang))
      const targets = [...exp.headings.map((h) => h.id), 'pp-colophon-title']
      const want = targets.map((id) => dests.get(id)?.page)
      const tocPage = dests.get('pp-toc-title')?.page ?? 2
      // Page numbers are the digit-only words at the line end (right edge, or left edge for Arabic) of the contents page.
      const words = [
        ...tool('pdftotext', ['-bbox', '-f', String(tocPage), '-l', String(tocPage), file(lang), '-']).matchAll(
          /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">(\d+)<\/word>/g,
        ),
      ]
      const rtl = exp.edition.dir === 'rtl'
      const numbers = words
        .filter((m) => Number(m[2]) > 62 && Number(m[2]) < 770 && (rtl ? Number(m[1]) < 145 : Number(m[3]) > 450))
        .sort((a, b) => Number(a[2]) - Number(b[2]))
        .map((m) => Number(m[4]))
      assert.deepEqual(numbers, want, `${lang}: contents page numbers`)
      for (const heading of exp.headings) {
        const page = bodyText(file(lang), dests.get(heading.id)!.page).at(-1)!
        assert.ok(onPage(lang, page, heading.text), `${lang}: heading ${heading.id} is not on page ${dests.get(heading.id)!.page}`)
      }
    }
  })

  it('should put each footnote at the foot of the page that carries its reference', () => {
    for (const lang of languages) {
      const exp = expected.get(lang)!
      assert.ok(exp.notes.length >= 3, lang)
      const dests = destinations(file(lang))
      const pages = bodyText(file(lang), Number(pdfinfo(file(lang)).Pages))
      for (const note of exp.notes) {
        const ref = dests.get(`pp-fnref-${note.number}`)
        const text = dests.get(note.id)
        assert.ok(ref && text, `${lang}: ${note.id} or its reference has no destination`)
        assert.equal(text.page, ref.page, `${lang}: note ${note.number} is on page ${text.page}, its reference on page ${ref.page}`)
        assert.ok(text.top < ref.top && text.top < 300, `${lang}: note ${note.number} is not at the foot of the page`)
        assert.ok(onPage(lang, pages[text.page - 1]!, note.text), `${lang}: note ${note.number}'s text is not on page ${text.page}`)
      }
    }
  })

  it('should give the text of every block in reading order through pdftotext', () => {
    for (const lang of languages.filter((l) => l !== 'ar')) {
      const exp = expected.get(lang)!
      let text = normalize(bodyText(file(lang), Number(pdfinfo(file(lang)).Pages)).join(''))
      for (const note of exp.notes) text = text.replace(normalize(`${note.number}${note.text}`), '')
      let at = 0
      for (const block of exp.blocks) {
        const found = text.indexOf(normalize(block.text), at)
        assert.ok(found >= 0, `${lang}: ${block.id} is missing or out of order: ${block.text.slice(0, 60)}`)
        at = found + normalize(block.text).length
      }
    }
  })

  it('should give the Arabic text of every block in reading order through pdftotext, up to what poppler scrambles', () => {
    // Poppler's Arabic extraction is lossy: it moves final letters with deep descenders (ن)
    // and letters carrying marks (أُ) to other lines, and scrambles some lines with neutral
    // characters (" - ", commas). So each block must match, in order, a stretch of the text
    // approximately: measured here, most blocks within 5% edits and the worst at 38%, while a
    // wrong block costs ~70% edits. Thresholds: every block under 45%, the median under 5%.
    const exp = expected.get('ar')!
    const text = normalize(bodyText(file('ar'), Number(pdfinfo(file('ar')).Pages)).join(''))
    let at = 0
    const ratios: number[] = []
    for (const block of exp.blocks) {
      const needle = normalize(block.text)
      const { distance, end } = approxFind(text, needle, at, Math.round(needle.length * 1.3) + 400)
      ratios.push(distance / needle.length)
      assert.ok(
        distance / needle.length < 0.45,
        `ar: ${block.id} is missing or out of order (${distance} edits for ${needle.length} letters)`,
      )
      at = end
    }
    const median = [...ratios].sort((a, b) => a - b)[Math.floor(ratios.length / 2)]!
    assert.ok(median < 0.05, `ar: median edit ratio ${median}`)
  })

  it('should give the right Chinese characters through mutool as well', () => {
    const exp = expected.get('zh')!
    const text = tool('mutool', ['draw', '-F', 'txt', '-o', '-', file('zh')])
    assert.doesNotMatch(text, /[\uFFFD\u2F00-\u2FDF\u2E80-\u2EFF]/u, 'no replacement characters, no Kangxi radicals')
    const all = normalize(text)
    for (const block of exp.blocks) assert.ok(all.includes(normalize(block.text).slice(0, 20)), `zh: ${block.id} not found by mutool`)
    for (const heading of exp.headings) assert.ok(all.includes(normalize(heading.text)), `zh: heading ${heading.id}`)
  })
})
