import assert from 'node:assert/strict'
import { before, describe, it } from 'node:test'
import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { copyProject, press } from '../helpers/project.ts'
import { bookmarks, expectedEditions, languages, normalize, pdfinfo, publicationId, tool, type ExpectedEdition } from './tools.ts'
import { contentMarks, flat, structureTree } from './tagged-content.ts'
import { typeset } from '../../src/edition/typography/typeset.ts'
import { pdfText, wordShare } from './words.ts'

/**
 * One build of every PDF (editions, parallel texts, press files with `print: { bleed: 3mm }`),
 * read back with poppler (pdftotext, pdfinfo, pdftoppm) and qpdf's JSON.
 */
type Objects = Record<string, { value?: unknown; stream?: { dict: Record<string, unknown> } }>

function objectsOf(file: string): Objects {
  return (JSON.parse(tool('qpdf', ['--json=2', '--json-key=qpdf', file])) as { qpdf: [unknown, Objects] }).qpdf[1]
}
const value = (objects: Objects, ref: unknown): Record<string, unknown> =>
  (objects[`obj:${String(ref)}`]?.value ?? objects[`obj:${String(ref)}`]?.stream?.dict ?? {}) as Record<string, unknown>

interface Tag {
  type: string
  lang?: string | undefined
  id?: string | undefined
}
/** The IDs the structure tree's IDTree lists (a flat name tree, as written). */
function idTree(file: string): Set<string> {
  const objects = objectsOf(file)
  const root = value(objects, value(objects, (objects.trailer!.value as Record<string, unknown>)['/Root'])['/StructTreeRoot'])
  const names = (value(objects, root['/IDTree'])['/Names'] ?? []) as unknown[]
  return new Set(names.filter((_, i) => i % 2 === 0).map(String))
}
/** Every structure element, depth first. */
function tags(file: string): Tag[] {
  const objects = objectsOf(file)
  const root = value(objects, value(objects, (objects.trailer!.value as Record<string, unknown>)['/Root'])['/StructTreeRoot'])
  const out: Tag[] = []
  const walk = (ref: unknown): void => {
    if (typeof ref !== 'string' || !ref.endsWith(' R')) return
    const element = value(objects, ref)
    if (typeof element['/S'] !== 'string') return
    const text = (key: string): string | undefined => (typeof element[key] === 'string' ? element[key].slice(2) : undefined)
    out.push({ type: element['/S'].slice(1), lang: text('/Lang'), id: typeof element['/ID'] === 'string' ? element['/ID'] : undefined })
    const kids = element['/K']
    for (const kid of Array.isArray(kids) ? kids : [kids]) walk(kid)
  }
  const kids = root['/K']
  for (const kid of Array.isArray(kids) ? kids : [kids]) walk(kid)
  return out
}

const targets = languages.filter((l) => l !== 'en')

describe('the PDFs: text layer, structure, metadata, press files', () => {
  let dist = ''
  let expected = new Map<string, ExpectedEdition>()
  const edition = (lang: string, suffix = 'pdf'): string => join(dist, lang, `${publicationId}.${lang}.${suffix}`)
  const parallel = (lang: string): string => join(dist, 'parallel', `en-${lang}.pdf`)
  const allPdfs = (): string[] => [...languages.flatMap((l) => [edition(l), edition(l, 'press.pdf')]), ...targets.map((l) => parallel(l))]

  before(async () => {
    const dir = copyProject()
    const config = join(dir, 'content', publicationId, 'publication.yaml')
    writeFileSync(config, readFileSync(config, 'utf8').replace(/^print:\n/m, 'print:\n  bleed: 3mm\n  marks: crop\n'))
    const run = press(dir, ['build', '--format', 'pdf', '--frozen'])
    assert.equal(run.status, 0, run.stderr)
    dist = join(dir, 'dist', publicationId)
    expected = await expectedEditions()
  })

  it('should give back at least 98% of every translation’s words whole and in order (pdftotext; parallel: its column)', () => {
    const share = (lang: string, file: string, column?: 'right'): number => {
      const e = expected.get(lang)!
      const result = wordShare([e.blocks.map((b) => b.text), ...e.notes.map((n) => [n.text])], pdfText(file, column), lang)
      assert.ok(result.share >= 0.98, `${file}: ${(result.share * 100).toFixed(1)}% of the words; missing: ${result.missing.join(' | ')}`)
      return result.share
    }
    for (const lang of languages) share(lang, edition(lang))
    for (const lang of targets) share(lang, parallel(lang), 'right')
  })

  it('should tag headings, paragraphs, lists (LI > LBody), links and footnotes as Note, with no generic wrapper', () => {
    for (const file of [...languages.map((l) => edition(l)), parallel('ar')]) {
      const all = tags(file)
      const types = new Set(all.map((t) => t.type))
      const expected = ['Document', 'H1', 'H2', 'P', 'L', 'LI', 'LBody', 'Link', ...(/parallel/.test(file) ? ['H3'] : ['Note'])]
      for (const type of expected) assert.ok(types.has(type), `${file}: no ${type}`)
      assert.ok(!types.has('Aside'), `${file}: a footnote left as Aside`)
      const notes = all.filter((t) => t.type === 'Note')
      assert.ok(
        notes.every((t) => t.id !== undefined && idTree(file).has(t.id)),
        `${file}: a Note without an /ID in the IDTree`,
      )
      // Chromium wrote 85 NonStruct in en (a text run, box, page…), 188 NonStruct and 59 Div in en-fr: none stays but a cell's /Lang.
      assert.equal(all.filter((t) => t.type === 'NonStruct').length, 0, file)
      assert.ok(
        all.filter((t) => t.type === 'Div').every((t) => t.lang !== undefined),
        `${file}: a Div without a language`,
      )
    }
  })

  it('should keep every marked content and annotation owned by its element (parent tree), none empty', () => {
    for (const file of [edition('en'), edition('ar'), parallel('fr')]) {
      const { root, owners } = structureTree(file)
      const elements = flat(root)
      let held = 0
      for (const e of elements) {
        for (const c of e.content) assert.equal(owners.get(`${c.page}|${c.mcid}`), e.ref, `${file}: MCID ${c.mcid} of ${e.type}`)
        held += e.content.length
        assert.ok(e.type === 'Document' || e.kids.length + e.content.length > 0 || e.type === 'Link', `${file}: an empty ${e.type}`)
      }
      const used = contentMarks(file).reduce((n, p) => n + p.mcids.length, 0)
      assert.equal(held, used, `${file}: ${used} marked contents on the pages, ${held} in the tree`)
    }
  })

  it('should mark running heads, folios, rules and leaders as artifacts: nothing painted outside marked content', () => {
    for (const file of [...languages.map((l) => edition(l)), ...targets.map((l) => parallel(l))]) {
      for (const page of contentMarks(file)) {
        assert.equal(page.unmarked, 0, `${file} p${page.page}: content neither tagged nor an artifact`)
        // Every page but the title page: a running head and a folio ("Page n of m" in one or more text objects).
        if (page.page > 1) assert.ok(page.paginationText >= 2, `${file} p${page.page}: ${page.paginationText} pagination artifacts`)
      }
    }
  })

  it('should give internal links an alternate description (/Contents) too', () => {
    for (const lang of ['en', 'ar']) {
      const objects = objectsOf(edition(lang))
      const links = Object.values(objects).filter((o) => (o.value as Record<string, unknown> | undefined)?.['/Subtype'] === '/Link')
      assert.ok(links.length > 5, lang)
      for (const link of links) assert.match(String((link.value as Record<string, unknown>)['/Contents']), /^u:\S/, lang)
    }
  })

  it('should head even pages with the publication title and odd pages with the section, cut at a word only when too long', () => {
    // The top margin of every page at once (pdftotext crops each page; a form feed ends each).
    const headsOf = (file: string): string[] =>
      tool('pdftotext', ['-x', '0', '-y', '0', '-W', '700', '-H', '60', file, '-'])
        .split('\f')
        .map((t) => t.replace(/\s+/g, ' ').trim())
    // Compared as normalize() does (no spaces, bidi marks or harakat), the ellipsis kept apart from NFKC's "...".
    const squash = (text: string): string => normalize(text.replace(/…/g, '\uE000')).replace(/\uE000/g, '…')
    for (const lang of languages) {
      const e = expected.get(lang)!
      const title = squash(typeset(e.edition.meta.title, lang))
      const marks = bookmarks(edition(lang)).slice(1) // the title page's H1 first, then the contents and each section
      const heads = headsOf(edition(lang))
      const pages = Number(pdfinfo(edition(lang)).Pages)
      assert.equal(heads[0], '', `${lang}: the title page has no head`)
      for (let page = 2; page <= pages; page++) {
        const head = squash(heads[page - 1]!)
        const section = marks.filter((b) => b.page <= page).at(-1)!
        // The preamble (after the contents) is headed with the title too.
        const want = page % 2 === 0 || section.page === 2 ? title : squash(section.title)
        if (head.endsWith('…')) {
          assert.ok(want.startsWith(head.slice(0, -1)) && want.length > head.length, `${lang} p${page}: "${head}" for "${want}"`)
          // Cut after a whole word: in a language that spaces its words, the head's last word is one of the section's.
          const last = /(\S+)\s*…$/u.exec(heads[page - 1]!)?.[1] ?? ''
          if (lang !== 'zh')
            assert.ok(
              section.title.split(/[\s]+/).some((w) => w.replace(/[\p{P}]+$/u, '') === last),
              `${lang} p${page}: ${last}`,
            )
        } else assert.equal(head, want, `${lang} p${page}`)
      }
    }
    for (const lang of ['ar', 'zh']) {
      const file = parallel(lang)
      const title = squash(expected.get('en')!.edition.meta.title)
      const heads = headsOf(file)
      for (let page = 2; page <= Number(pdfinfo(file).Pages); page++) {
        const head = squash(heads[page - 1]!)
        if (page % 2 === 0) assert.equal(head, title, `${file} p${page}`)
        else assert.match(head, lang === 'ar' ? /\p{Script=Arabic}/u : /\p{Script=Han}/u, `${file} p${page}: ${head}`)
      }
    }
  })

  it('should give every cell of a parallel text its language (/Lang where it differs from the document’s)', () => {
    for (const lang of targets) {
      const cells = tags(parallel(lang)).filter((t) => t.type === 'Div')
      const translated = cells.filter((t) => t.lang === lang)
      // One cell per paragraph and note (more where a pair continues on the next page).
      const rows = expected.get(lang)!.blocks.length + expected.get(lang)!.notes.length
      assert.ok(translated.length >= rows, `${lang}: ${translated.length} cells carry /Lang ${lang}, for ${rows} rows`)
      assert.ok(
        cells.every((t) => t.lang === undefined || t.lang === lang),
        `${lang}: a cell with another language`,
      )
    }
  })

  it('should carry XMP metadata equal to the document information, dated from SOURCE_DATE_EPOCH', () => {
    for (const file of [...languages.map((l) => edition(l)), ...targets.map((l) => parallel(l))]) {
      const objects = objectsOf(file)
      const info = value(objects, (objects.trailer!.value as Record<string, unknown>)['/Info'])
      const text = (key: string): string => String(info[key]).replace(/^u:/, '')
      const xmp = tool('pdfinfo', ['-meta', file])
      const field = (re: RegExp): string => re.exec(xmp)?.[1]?.replace(/&amp;/g, '&') ?? ''
      assert.equal(field(/<dc:title><rdf:Alt><rdf:li xml:lang="x-default">([^<]*)</), text('/Title'), file)
      assert.equal(field(/<dc:creator><rdf:Seq><rdf:li>([^<]*)</), text('/Author'), file)
      assert.equal(field(/<dc:description><rdf:Alt><rdf:li xml:lang="x-default">([^<]*)</), text('/Subject'), file)
      assert.equal(field(/<pdf:Producer>([^<]*)</), text('/Producer'), file)
      assert.equal(field(/<pdf:Keywords>([^<]*)</), text('/Keywords'), file)
      assert.equal(field(/<xmp:CreatorTool>([^<]*)</), text('/Creator'), file)
      assert.equal(field(/<xmp:CreateDate>([^<]*)</), '2019-10-20T00:00:00Z', file)
      assert.equal(text('/CreationDate'), "D:20191020000000+00'00'", file)
      assert.equal(field(/<xmp:ModifyDate>([^<]*)</), '2019-10-20T00:00:00Z', file)
      const lang = /parallel/.test(file) ? 'en' : /\.(\w+)\.pdf$/.exec(file)![1]!
      assert.equal(field(/<dc:language><rdf:Bag><rdf:li>([^<]*)</), lang, file)
    }
  })

  it('should linearize every PDF (Optimized: yes)', () => {
    for (const file of allPdfs()) assert.equal(pdfinfo(file).Optimized, 'yes', file)
  })

  it('should write a press PDF per language: TrimBox in BleedBox in MediaBox, 3 mm bleed, sRGB output intent', () => {
    const bleed = (3 * 72) / 25.4
    for (const lang of languages) {
      const file = edition(lang, 'press.pdf')
      assert.ok(existsSync(file), file)
      const boxes = tool('pdfinfo', ['-box', '-f', '1', '-l', '99', file])
      const box = (page: number, name: string): number[] =>
        new RegExp(`Page\\s+${page} ${name}:\\s+([-\\d. ]+)`).exec(boxes)![1]!.trim().split(/\s+/).map(Number)
      const pages = Number(pdfinfo(file).Pages)
      assert.equal(pages, Number(pdfinfo(edition(lang)).Pages), lang)
      for (let page = 1; page <= pages; page++) {
        const [media, bleedBox, trim] = [box(page, 'MediaBox'), box(page, 'BleedBox'), box(page, 'TrimBox')]
        assert.deepEqual(trim.map(Math.round), [0, 0, 595, 842], `${lang} p${page}: trim box`)
        for (let i = 0; i < 4; i++) {
          const out = i < 2 ? -1 : 1
          assert.ok(Math.abs((bleedBox[i]! - trim[i]!) * out - bleed) < 0.01, `${lang} p${page}: bleed ${bleedBox} around ${trim}`)
          assert.ok((media[i]! - bleedBox[i]!) * out > 10, `${lang} p${page}: media box ${media} leaves no room for marks`)
        }
      }
      const objects = objectsOf(file)
      const catalog = value(objects, (objects.trailer!.value as Record<string, unknown>)['/Root'])
      const intents = catalog['/OutputIntents'] as Record<string, unknown>[]
      assert.equal(intents?.[0]?.['/S'], '/GTS_PDFX', lang)
      assert.equal(value(objects, intents[0]!['/DestOutputProfile'])['/N'], 3, `${lang}: an RGB ICC profile`)
      for (const font of tool('pdffonts', [file]).split('\n').slice(2).filter(Boolean)) assert.match(font, / yes /, `${lang}: ${font}`)
    }
  })

  it('should draw crop marks outside the bleed box and nothing else there', () => {
    // 72 dpi: one pixel per pt; the rendered page is the media box.
    const file = edition('fr', 'press.pdf')
    const media = /MediaBox:\s+([-\d. ]+)/
      .exec(tool('pdfinfo', ['-box', file]))![1]!
      .trim()
      .split(/\s+/)
      .map(Number)
    const pgm = execFileSync('pdftoppm', ['-f', '2', '-l', '2', '-r', '72', '-gray', '-aa', 'no', '-aaVector', 'no', file])
    const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.subarray(0, 40).toString('latin1'))!
    const [width, height] = [Number(header[1]), Number(header[2])]
    const pixels = pgm.subarray(header[0].length)
    const bleed = (3 * 72) / 25.4
    let inMarks = 0
    let inBleed = 0
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        if (pixels[y * width + x]! > 128) continue
        const px = x + media[0]! + 0.5
        const py = media[3]! - y - 0.5
        const outsideTrim = px < 0 || py < 0 || px > 595 || py > 842
        const insideBleed = px > -bleed && py > -bleed && px < 595 + bleed && py < 842 + bleed
        if (outsideTrim && insideBleed) inBleed++
        else if (outsideTrim) inMarks++
      }
    }
    assert.ok(inMarks >= 8 * 10, `${inMarks} dark pixels of crop marks outside the bleed box`)
    assert.equal(inBleed, 0, 'dark pixels in the bleed')
  })
})
