import assert from 'node:assert/strict'
import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { before, describe, it } from 'node:test'
import { languages, pdfPath, publicationId, sharedPdfs, tool } from './tools.ts'
import { looseLines, singleCharacterLines, stextLines, straightQuotes, type Line } from './print-quality.ts'
import { seenLines, seenLoose, seenRivers } from './rendered-lines.ts'

// Measured on the bundled translations (`npx tsx test/pdf/measure-print.ts <out>`: mean word gap > 2× the font's space),
// greedy lines → optimal lines → optimal lines with up to 0.02em letter-spacing (src/outputs/pdf/line-breaks.js):
// en 5.9% → 1.8% → 0%, fr 2.5% → 1.0% → 1.0%, es 1.6% → 0% → 0%, ru 7.0% → 0.9% → 0%; parallel en-es 23% → 5.7% → 0.5%,
// en-fr 29% → 9.1% → 1.2%, en-zh 28% → 11.0% → 1.0%, en-ar 27% → 11.2% → 1.0%, en-ru 36% → 14.8% → 2.1%.
// The bounds are the issue's.
const looseBound: Record<string, number> = { en: 0.05, fr: 0.05, es: 0.05, ru: 0.05 }
const parallelBound = 0.1

describe('print quality of the PDF editions', () => {
  let out = ''
  const lines = new Map<string, Line[]>()
  const parallel = new Map<string, Line[]>()
  const texts = new Map<string, string>()

  before(async () => {
    out = (await sharedPdfs()).out
    for (const lang of languages) {
      lines.set(lang, stextLines(pdfPath(out, lang)))
      texts.set(lang, tool('pdftotext', [pdfPath(out, lang), '-']))
    }
    const dir = join(out, publicationId, 'parallel')
    for (const file of readdirSync(dir)) {
      parallel.set(file, stextLines(join(dir, file)))
      texts.set(file, tool('pdftotext', [join(dir, file), '-']))
    }
  })

  it('should keep loose justified lines rare in en, fr, es and ru', () => {
    for (const [lang, bound] of Object.entries(looseBound)) {
      const measured = looseLines(lines.get(lang)!)
      assert.ok(measured.lines > 100, `${lang}: ${measured.lines} lines measured`)
      assert.ok(measured.share <= bound, `${lang}: ${measured.loose} of ${measured.lines} lines loose`)
    }
  })

  it('should keep loose lines bounded in the parallel columns', () => {
    assert.equal(parallel.size, 5)
    for (const [file, pdf] of parallel) {
      const measured = looseLines(pdf)
      assert.ok(measured.share <= parallelBound, `${file}: ${measured.loose} of ${measured.lines} lines loose`)
    }
  })

  it('should show few loose lines and no river on the rendered pages of the ru edition and the en-ru parallel text', () => {
    // The white between words measured in the pixels of every page (rendered-lines.ts; rendered-lines.test.ts shows it
    // fails on a badly set page). Measured: ru 0 of 217 lines, en-ru 28 of 668 (greedy lines: 9 of 216 and 111 of 669).
    const cases: [string, string, Line[], number][] = [
      ['ru', pdfPath(out, 'ru'), lines.get('ru')!, 0.05],
      ['en-ru.pdf', join(out, publicationId, 'parallel', 'en-ru.pdf'), parallel.get('en-ru.pdf')!, parallelBound],
    ]
    for (const [name, file, text, bound] of cases) {
      const seen = seenLines(file, text)
      assert.ok(seen.length > 200, `${name}: ${seen.length} lines measured`)
      const loose = seenLoose(seen)
      assert.ok(
        loose.length <= bound * seen.length,
        `${name}: ${loose.length} of ${seen.length} lines loose: ${loose.map((l) => l.text).join(' / ')}`,
      )
      const rivers = seenRivers(seen).map((run) => `page ${run[0]!.page}: ${run.map((l) => l.text).join(' / ')}`)
      assert.deepEqual(rivers, [], name)
    }
  })

  it('should give ordinary spaces to a copy of the fixed lines (their no-break spaces map to U+0020)', () => {
    // mutool reads the fonts' ToUnicode maps, as a reader's copy, search and a screen reader do (pdftotext turns
    // U+00A0 into a space by itself); before: 1874 U+00A0 in en, 3501 in en-ru.
    for (const file of [pdfPath(out, 'en'), join(out, publicationId, 'parallel', 'en-ru.pdf')]) {
      const trace = tool('mutool', ['trace', file])
      assert.equal(trace.match(/unicode="\u00A0"/gu)?.length ?? 0, 0, file)
      assert.ok((trace.match(/unicode=" "/g)?.length ?? 0) > 1000, file)
    }
  })

  it('should print no straight quote or apostrophe in the body text of en, fr, es and ru', () => {
    for (const lang of ['en', 'fr', 'es', 'ru']) assert.equal(straightQuotes(lines.get(lang)!), 0, lang)
    for (const file of ['en-fr.pdf', 'en-es.pdf', 'en-ru.pdf']) assert.equal(straightQuotes(parallel.get(file)!), 0, file)
  })

  it('should end no Chinese paragraph on a single character, in the zh edition and the en-zh parallel text', () => {
    assert.deepEqual(singleCharacterLines(lines.get('zh')!), [])
    assert.deepEqual(singleCharacterLines(parallel.get('en-zh.pdf')!), [])
    assert.ok(
      lines.get('zh')!.some((l) => /\p{Script=Han}{2}。$/u.test(l.text.trim())),
      'paragraphs end on two characters and 。',
    )
  })

  it('should cut no word across a page without its hyphen (the French column’s “communauté”)', () => {
    const fr = texts.get('en-fr.pdf')!
    assert.doesNotMatch(fr, /\bcomm\s*\n[\s\S]{0,400}?\bunauté/u)
    assert.equal(fr.match(/communauté/g)?.length, texts.get('fr')!.match(/communauté/g)?.length)
    for (const [name, text] of texts) assert.doesNotMatch(text, /\u2060/u, `${name}: no word joiner in the text`)
  })

  it('should give whole words to pdftotext: no soft hyphen left, hyphenated words joined', () => {
    for (const [name, text] of texts) assert.doesNotMatch(text, /\u00AD/, name)
    // "industry" is hyphenated at a line end in the English edition ("indus-" / "try"): it comes out whole.
    assert.match(texts.get('en')!, /\bindustry transformation\b/)
    assert.doesNotMatch(texts.get('en')!, /\bindus-?\n/)
  })

  it('should set the Chinese colophon in full-width punctuation with no space after 。', () => {
    const zh = texts.get('zh')!
    assert.doesNotMatch(zh, /\p{Script=Han}[,.]|。 /u)
    assert.match(zh, /委员会，/)
  })
})
