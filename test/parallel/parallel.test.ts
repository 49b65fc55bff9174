import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import { existsSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { before, describe, it } from 'node:test'
import type { Element } from 'hast'
import { visit } from 'unist-util-visit'
import { build } from '../../src/commands/build.ts'
import { loadUi, prepareEditions } from '../../src/edition/model.ts'
import { resolveIds } from '../../src/ids/resolve.ts'
import { collectingLogger } from '../../src/util/logger.ts'
import { findPublications } from '../../src/project/paths.ts'
import { loadTranslations } from '../../src/i18n/load.ts'
import { textOf } from '../../src/edition/content.ts'
import { targets } from '../helpers/project.ts'
import { typeset } from '../../src/edition/typography/typeset.ts'
import {
  approxFind,
  bookmarks,
  destinations,
  normalize,
  pdffonts,
  pdfinfo,
  publicationId,
  repoRoot,
  SOURCE_DATE_EPOCH,
  sharedPdfs,
  tool,
} from '../pdf/tools.ts'

async function buildPdfs(root: string, languages?: string[]): Promise<string> {
  process.env.SOURCE_DATE_EPOCH = SOURCE_DATE_EPOCH
  const out = mkdtempSync(join(tmpdir(), 'press-parallel-'))
  await build({ root, outDir: out, frozen: true, strict: false, formats: ['pdf'], ...(languages ? { languages } : {}) }, collectingLogger())
  return out
}

const parallelPath = (out: string, lang: string): string => join(out, publicationId, 'parallel', `en-${lang}.pdf`)
const sha256 = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex')

/** Plain text of every block (paragraphs, headings, note paragraphs) by paragraph ID, per language. */
async function blockTexts(): Promise<{ ids: string[]; text: Map<string, Map<string, string>>; headings: Map<string, string[]> }> {
  const [publication] = await findPublications(repoRoot, publicationId)
  const { config } = publication!
  const all = [config.sourceLanguage, ...config.languages]
  const sources = await resolveIds(publication!, { frozen: true, write: false })
  const translations = await loadTranslations(publication!, sources, config.languages)
  const ids = new Set(sources.ids)
  const text = new Map<string, Map<string, string>>()
  const headings = new Map<string, string[]>()
  for (const edition of prepareEditions(publication!, sources, translations, await loadUi(repoRoot, all), all)) {
    const byId = new Map<string, string>()
    const content = edition.content
    for (const unit of content.children) {
      visit(unit, 'element', (node: Element) => {
        const id = node.properties.id
        if (typeof id !== 'string' || !ids.has(id)) return undefined
        byId.set(id, textOf(node).replace(/\^\d*(?=\s|$)/g, ''))
        return 'skip'
      })
    }
    text.set(edition.language, byId)
    headings.set(
      edition.language,
      content.headings.map((hd) => hd.text),
    )
  }
  return { ids: sources.ids, text, headings }
}

/**
 * Text of one column of a page (running heads cropped away). The content box
 * (167 mm) sits 25 mm from the left edge on odd pages and 18 mm on even ones
 * (mirrored margins); its two columns meet at its middle.
 */
function column(file: string, page: number, side: 'left' | 'right'): string {
  const middle = ((page % 2 === 1 ? 25 : 18) + 167 / 2) * (72 / 25.4)
  const [x, w] = side === 'left' ? [0, middle] : [middle, 595 - middle]
  return tool('pdftotext', [
    '-f',
    String(page),
    '-l',
    String(page),
    '-x',
    String(Math.round(x)),
    '-y',
    '62',
    '-W',
    String(Math.round(w)),
    '-H',
    '718',
    file,
    '-',
  ])
}

/** Whether `text` holds the start of `block`. Arabic approximately (poppler moves some marked letters): at most 15% edits. */
function holds(lang: string, text: string, block: string): boolean {
  const needle = normalize(block).slice(0, lang === 'zh' ? 12 : 24)
  if (lang !== 'ar') return normalize(text).includes(needle)
  return approxFind(normalize(text), needle).distance <= Math.ceil(needle.length * 0.15)
}

describe('the parallel-text PDF editions', () => {
  let out = ''
  let root = ''
  let expected: Awaited<ReturnType<typeof blockTexts>>
  before(async () => {
    ;({ root, out } = await sharedPdfs())
    expected = await blockTexts()
  })

  it('should be written by `press build` for every target language', () => {
    for (const lang of targets) assert.ok(existsSync(parallelPath(out, lang)), `en-${lang}.pdf missing`)
  })

  for (const lang of ['zh', 'ar']) {
    it(
      `should show on every page of en-${lang} both languages' text of each paragraph pair that starts there, ` +
        'source left, translation right',
      () => {
        const file = parallelPath(out, lang)
        const dests = destinations(file)
        const ids = expected.ids.filter((id) => dests.has(id))
        const pages = [...new Set(ids.map((id) => dests.get(id)!.page))]
        assert.ok(pages.length >= 5, `rows start on only ${pages.length} pages`)
        for (const page of pages) {
          const [left, right] = [column(file, page, 'left'), column(file, page, 'right')]
          for (const id of ids.filter((i) => dests.get(i)!.page === page)) {
            assert.ok(holds('en', left, expected.text.get('en')!.get(id)!), `page ${page}: no English text of ${id} in the left column`)
            assert.ok(holds(lang, right, expected.text.get(lang)!.get(id)!), `page ${page}: no ${lang} text of ${id} in the right column`)
            const target = expected.text.get(lang)!.get(id)!
            // (Unless it starts like the source, as a note that opens with a URL.)
            if (!holds(lang, expected.text.get('en')!.get(id)!, target))
              assert.ok(!holds(lang, left, target), `page ${page}: ${lang} text of ${id} in the left column`)
          }
        }
      },
    )
  }

  it('should start both cells of every pair level, in all five parallel PDFs', () => {
    for (const lang of targets) {
      const file = parallelPath(out, lang)
      const dests = destinations(file)
      const words = new Map<number, { x: number; y: number; bottom: number }[]>()
      for (const id of expected.ids) {
        const { page, top } = dests.get(id)!
        if (!words.has(page)) {
          const bbox = tool('pdftotext', ['-f', String(page), '-l', String(page), '-bbox', file, '-'])
          words.set(
            page,
            [...bbox.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)"/g)].map((m) => ({
              x: Number(m[1]),
              y: Number(m[2]),
              bottom: Number(m[3]),
            })),
          )
        }
        const rowTop = 842 - top
        const middle = ((page % 2 === 1 ? 25 : 18) + 167 / 2) * (72 / 25.4)
        const first = (left: boolean): number =>
          Math.min(
            ...words
              .get(page)!
              .filter((w) => w.x < middle === left && w.bottom > rowTop + 2)
              .map((w) => w.y),
          )
        const [a, b] = [first(true), first(false)]
        // The tops of the first words' boxes: a face with taller ascenders (Noto Naskh Arabic) starts a few points higher.
        assert.ok(Math.abs(a - b) <= 6, `en-${lang} ${id} (page ${page}): the cells start at ${a.toFixed(1)} and ${b.toFixed(1)} pt`)
        assert.ok(
          Math.abs(a - rowTop) <= 6,
          `en-${lang} ${id} (page ${page}): the row starts at ${a.toFixed(1)} pt, its destination says ${rowTop.toFixed(1)}`,
        )
      }
    }
  })

  it('should continue a long pair on the next page in both columns', () => {
    const file = parallelPath(out, 'ar')
    const dests = destinations(file)
    // A pair whose English end is not on its first page (the page holds its start): its end is on the next page, on both sides.
    const endOf = (lang: string, i: string): string => normalize(expected.text.get(lang)!.get(i)!).slice(-20)
    const id = expected.ids.find(
      (i) =>
        dests.has(i) && expected.text.get('ar')!.has(i) && !normalize(column(file, dests.get(i)!.page, 'left')).includes(endOf('en', i)),
    )
    assert.ok(id, 'no pair continues on the next page')
    const page = dests.get(id)!.page
    assert.ok(normalize(column(file, page + 1, 'left')).includes(endOf('en', id)), `the English end of ${id} is not on page ${page + 1}`)
    assert.ok(
      approxFind(normalize(column(file, page + 1, 'right')), endOf('ar', id)).distance <= 3,
      `the Arabic end of ${id} is not on page ${page + 1}`,
    )
  })

  it('should be tagged, embed every font (none Type 3, all bundled Noto faces) and name every paragraph ID as a destination', () => {
    for (const lang of targets) {
      const file = parallelPath(out, lang)
      const info = pdfinfo(file)
      assert.equal(info.Tagged, 'yes', lang)
      assert.match(info.Title ?? '', /^Wuzhen Outlook 2019 · /, lang)
      assert.equal(info.Creator, 'Polyglot Press', lang)
      for (const font of pdffonts(file)) {
        assert.ok(font.embedded, `${lang}: ${font.name} not embedded`)
        assert.notEqual(font.type, 'Type 3', `${lang}: ${font.name} is Type 3`)
        assert.match(font.name, /^[A-Z]{6}\+Noto(Serif|SerifSC|NaskhArabic)/, `${lang}: ${font.name}`)
      }
      const dests = destinations(file)
      const missing = expected.ids.filter((id) => !dests.has(id))
      assert.deepEqual(missing, [], `${lang}: paragraph IDs without a destination`)
    }
  })

  it('should bookmark each heading of the source with its translation as a child, in logical order', () => {
    const marks = bookmarks(parallelPath(out, 'ar'))
    const en = expected.headings.get('en')!
    const ar = expected.headings.get('ar')!
    // Bookmarks carry the headings as printed: typeset per language (dashes, no-break spaces).
    en.forEach((heading, i) => {
      // Spaces compared as spaces: a bookmark title keeps or drops the no-break ones.
      const spaces = (text: string | undefined): string | undefined => text?.replace(/\s+/g, ' ')
      const at = marks.findIndex((m) => spaces(m.title) === spaces(typeset(heading, 'en')))
      assert.ok(at >= 0, `no bookmark "${heading}"`)
      assert.equal(spaces(marks[at + 1]?.title), spaces(typeset(ar[i]!, 'ar')), `the Arabic bookmark after "${heading}"`)
      assert.ok(marks[at + 1]!.depth > marks[at]!.depth, 'the translation is not nested under the source heading')
    })
  })

  it('should list the parallel PDFs in manifest.json with format "parallel"', () => {
    const manifest = JSON.parse(readFileSync(join(out, publicationId, 'manifest.json'), 'utf8')) as {
      editions: { language: string; format: string; path: string; sha256: string; pages?: number; pairedWith?: string }[]
    }
    for (const lang of targets) {
      const entry = manifest.editions.find((e) => e.format === 'parallel' && e.language === lang)
      assert.ok(entry, `en-${lang} not listed`)
      assert.equal(entry.path, `${publicationId}/parallel/en-${lang}.pdf`)
      assert.equal(entry.pairedWith, 'en')
      assert.equal(entry.sha256, sha256(join(out, entry.path)))
      assert.equal(entry.pages, Number(pdfinfo(join(out, entry.path)).Pages))
    }
    assert.match(readFileSync(join(out, 'index.html'), 'utf8'), /Parallel text \(PDF\)/)
  })

  it('should give byte-identical parallel PDFs from two builds', async () => {
    const second = await buildPdfs(root, ['en', 'zh', 'ar'])
    for (const lang of ['zh', 'ar']) assert.equal(sha256(parallelPath(second, lang)), sha256(parallelPath(out, lang)), `en-${lang}`)
  })
})
