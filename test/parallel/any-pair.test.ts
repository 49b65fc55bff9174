/**
 * Parallel text of any two languages: `press review fr ar` writes
 * parallel/fr-ar.pdf beside review/fr-ar.html, and a `parallel:` pair in
 * publication.yaml makes `press build` write that pair too, with the same
 * guarantees as source → target pairs (each column its language, direction
 * and fonts; every font embedded).
 */
import assert from 'node:assert/strict'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { before, describe, it } from 'node:test'
import { copyProject, press, publicationId } from '../helpers/project.ts'
import { approxFind, destinations, expectedEditions, normalize, pdffonts, pdfinfo, tool, type ExpectedEdition } from '../pdf/tools.ts'

const configPath = `content/${publicationId}/publication.yaml`

/** One column of a page's text (see parallel.test.ts: A4, 167 mm content box, mirrored margins). */
function column(file: string, page: number, side: 'left' | 'right'): string {
  const middle = ((page % 2 === 1 ? 25 : 18) + 167 / 2) * (72 / 25.4)
  const [x, w] = side === 'left' ? [0, middle] : [middle, 595 - middle]
  const box = ['-x', String(Math.round(x)), '-y', '62', '-W', String(Math.round(w)), '-H', '718']
  return tool('pdftotext', ['-f', String(page), '-l', String(page), ...box, file, '-'])
}

describe('parallel text of any pair (fr beside ar)', () => {
  let dir = ''
  let pdf = ''
  let expected: Map<string, ExpectedEdition>
  let review: ReturnType<typeof press>
  before(async () => {
    dir = copyProject()
    review = press(dir, ['review', 'fr', 'ar', '--out', 'out'])
    pdf = join(dir, 'out', publicationId, 'parallel', 'fr-ar.pdf')
    expected = await expectedEditions()
  })

  it('should write parallel/fr-ar.pdf with `press review fr ar`, linked from the review page', () => {
    assert.equal(review.status, 0, review.stderr)
    assert.ok(existsSync(pdf), 'fr-ar.pdf missing')
    const page = readFileSync(join(dir, 'out', publicationId, 'review', 'fr-ar.html'), 'utf8')
    assert.match(page, /href="\.\.\/parallel\/fr-ar\.pdf#/)
  })

  it('should put French in the left column and Arabic in the right one, row by row', () => {
    const dests = destinations(pdf)
    const [fr, ar] = [expected.get('fr')!, expected.get('ar')!]
    const rows = fr.blocks.filter((b) => dests.has(b.id) && b.text.length > 40).slice(0, 12)
    assert.ok(rows.length >= 8, 'too few rows to check')
    for (const { id, text } of rows) {
      const page = dests.get(id)!.page
      const [left, right] = [normalize(column(pdf, page, 'left')), normalize(column(pdf, page, 'right'))]
      assert.ok(left.includes(normalize(text).slice(0, 24)), `page ${page}: no French text of ${id} on the left`)
      const arabic = normalize(ar.blocks.find((b) => b.id === id)!.text).slice(0, 24)
      assert.ok(approxFind(right, arabic).distance <= Math.ceil(arabic.length * 0.15), `page ${page}: no Arabic text of ${id} on the right`)
    }
  })

  it('should tag each column with its language and embed every font (bundled Noto Serif and Naskh Arabic)', () => {
    const info = pdfinfo(pdf)
    assert.equal(info.Tagged, 'yes')
    assert.equal(info.Title, `${expected.get('fr')!.edition.meta.title} · ${expected.get('ar')!.edition.meta.title}`)
    const fonts = pdffonts(pdf)
    assert.ok(fonts.some((f) => /NotoNaskhArabic/.test(f.name)) && fonts.some((f) => /NotoSerif-/.test(f.name)), JSON.stringify(fonts))
    for (const font of fonts) {
      assert.ok(font.embedded, `${font.name} not embedded`)
      assert.match(font.name, /^[A-Z]{6}\+Noto(Serif|NaskhArabic)/, font.name)
    }
    // Both languages in the structure tree (/Lang of the document and of the other column's elements).
    const json = tool('qpdf', ['--json=2', '--json-key=qpdf', pdf])
    for (const lang of ['fr', 'ar']) assert.match(json, new RegExp(`"/Lang": "(u:)?${lang}"`), `no /Lang ${lang}`)
  })

  it('should give both translations’ status on the title page, and no source-language claim', () => {
    const title = normalize(tool('pdftotext', ['-f', '1', '-l', '1', pdf, '-']))
    assert.ok(title.includes(normalize('traduction de travail')), title)
    assert.ok(!title.includes(normalize('édition en langue originale')), title)
  })

  it('should build a `parallel:` pair of publication.yaml with the source pairs, and refuse a pair with an unknown language', () => {
    const config = join(dir, configPath)
    const original = readFileSync(config, 'utf8')
    writeFileSync(config, original + 'parallel: [[fr, ar]]\n')
    const built = press(dir, ['build', '--format', 'html', '--lang', 'fr,ar', '--out', 'built'])
    assert.equal(built.status, 0, built.stderr)
    for (const pair of ['en-fr', 'en-ar', 'fr-ar']) assert.ok(existsSync(join(dir, 'built', publicationId, 'review', `${pair}.html`)), pair)
    writeFileSync(config, original + 'parallel: [[fr, de]]\n')
    const refused = press(dir, ['build', '--format', 'html', '--out', 'built'])
    assert.equal(refused.status, 1)
    assert.match(
      refused.stderr,
      /publication\.yaml:\d+:\d+: Invalid publication\.yaml: parallel\.0\.1: "de" is not a language of the publication/,
    )
    writeFileSync(config, original)
  })
})
