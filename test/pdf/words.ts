/**
 * Words found intact: the share of a translation's words that `pdftotext` gives back whole, in logical order.
 *
 * Both texts are folded the same way (NFKC; Arabic harakat, tatweel, zero-width characters and soft hyphens
 * removed: a search box folds them too; poppler's bidi embedding controls count as word breaks; hyphens inside
 * words dropped, as poppler joins a word hyphenated at a line end) and cut into words with Intl.Segmenter;
 * Chinese and Japanese are compared character by character (a word segmenter cuts the same run differently in
 * different contexts). A line of the PDF that ends in a hyphen is joined with the next when the joined word
 * is one of the translation's.
 * Found = the longest common subsequence of the two word lists: a word out of order or broken does not count,
 * and the other column of a parallel text may lie in between.
 */
import { execFileSync } from 'node:child_process'

const CJK = /^(zh|ja)\b/

/**
 * `pdftotext` of the whole file, or of one column of a parallel text (pdftotext orders the runs of an
 * Arabic line left to right when most of the page is left-to-right: one column at a time it reads each
 * in its own direction). A column is cut at its page's gutter: the margins of a spread are mirrored, so
 * the gutter is not at the middle of the page.
 */
export function pdfText(file: string, column?: 'left' | 'right'): string {
  const run = (args: string[]): string => execFileSync('pdftotext', args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
  if (!column) return run([file, '-'])
  return pageBoxes(run(['-bbox', file, '-']))
    .map((page, index) => {
      const gutter = gutterOf(page)
      const [x, width] = column === 'left' ? [0, Math.floor(gutter)] : [Math.ceil(gutter), Math.ceil(page.width - gutter)]
      const n = String(index + 1)
      return run(['-f', n, '-l', n, '-x', String(x), '-y', '0', '-W', String(width), '-H', String(Math.ceil(page.height)), file, '-'])
    })
    .join('')
}

interface PageBoxes {
  width: number
  height: number
  words: { xMin: number; xMax: number }[]
}

/** The pages and word boxes of `pdftotext -bbox` output. */
function pageBoxes(xhtml: string): PageBoxes[] {
  return xhtml
    .split('<page ')
    .slice(1)
    .map((page) => {
      const size = /width="([\d.]+)" height="([\d.]+)"/.exec(page)
      if (!size) throw new Error('pdftotext -bbox gave a page without a size')
      const words = [...page.matchAll(/<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)"/g)].map((m) => ({
        xMin: Number(m[1]),
        xMax: Number(m[2]),
      }))
      return { width: Number(size[1]), height: Number(size[2]), words }
    })
}

/**
 * The gutter of a page of two columns: the middle of the widest band within 40 pt of the page's middle
 * (the mirrored margins move it by less) that the fewest words cross (none but a running head or a folio).
 */
export function gutterOf(page: PageBoxes): number {
  const from = Math.floor(page.width / 2 - 40)
  const cover = new Array<number>(80).fill(0)
  for (const word of page.words)
    for (let x = Math.max(from, Math.floor(word.xMin)); x < Math.min(from + cover.length, Math.ceil(word.xMax)); x++) cover[x - from]!++
  const least = Math.min(...cover)
  let best: [number, number] = [0, 0]
  for (let i = 0, start = -1; i <= cover.length; i++) {
    if (i < cover.length && cover[i] === least) start = start < 0 ? i : start
    else if (start >= 0) {
      if (i - start > best[1] - best[0]) best = [start, i]
      start = -1
    }
  }
  return from + (best[0] + best[1]) / 2
}

export function fold(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u064B-\u065F\u0670\u0640\u00AD\u200B-\u200F\uFEFF]/gu, '')
    .replace(/[\u202A-\u202E\u2066-\u2069]/gu, ' ')
    .toLowerCase()
    .replace(/(\p{L})[-\u2010](?=\p{L})/gu, '$1')
}

export function words(text: string, lang: string): string[] {
  const folded = fold(text)
  if (CJK.test(lang)) return [...folded].filter((c) => /[\p{L}\p{N}]/u.test(c))
  const segmenter = new Intl.Segmenter(lang, { granularity: 'word' })
  return [...segmenter.segment(folded)].filter((s) => s.isWordLike).map((s) => s.segment)
}

/** The PDF text's words, hyphenated line ends joined when that gives one of `known`. */
export function pdfWords(text: string, lang: string, known: ReadonlySet<string>): string[] {
  const lines = fold(text).split('\n')
  const out: string[] = []
  let carry = ''
  for (const line of lines) {
    // pdftotext may put an empty line between a column's hyphenated line end and the line that goes on with it.
    if (line.trim() === '') continue
    let tokens = words(line, lang)
    if (carry && tokens.length > 0) {
      const joined = carry + tokens[0]
      if (known.has(joined)) {
        out.pop()
        tokens = [joined, ...tokens.slice(1)]
      }
    }
    out.push(...tokens)
    carry = /[\p{L}][-\u2010]\s*$/u.test(line) ? (tokens.at(-1) ?? '') : ''
  }
  return out
}

export interface WordShare {
  total: number
  found: number
  share: number
  /** The first 20 words not found, with the words before them. */
  missing: string[]
}

/**
 * Each group (the text's paragraphs; each footnote, which the PDF prints at the foot of some page) is
 * matched against the whole PDF text on its own.
 */
export function wordShare(groups: readonly (readonly string[])[], pdfText: string, lang: string): WordShare {
  const known = new Set(groups.flatMap((group) => group.flatMap((t) => words(t, lang))))
  const got = pdfWords(pdfText, lang, known)
  const results = groups.map((group) =>
    subsequence(
      group.flatMap((t) => words(t, lang)),
      got,
    ),
  )
  const total = results.reduce((sum, r) => sum + r.total, 0)
  const found = results.reduce((sum, r) => sum + r.found, 0)
  return { total, found, share: total ? found / total : 1, missing: results.flatMap((r) => r.missing).slice(0, 20) }
}

function subsequence(expected: string[], got: string[]): WordShare {
  // Longest common subsequence of the two word lists (a word found in logical order counts once).
  const n = expected.length
  const m = got.length
  const table = new Uint16Array((n + 1) * (m + 1))
  const at = (i: number, j: number): number => table[i * (m + 1) + j]!
  for (let i = 1; i <= n; i++) {
    for (let j = 1; j <= m; j++) {
      table[i * (m + 1) + j] = expected[i - 1] === got[j - 1] ? at(i - 1, j - 1) + 1 : Math.max(at(i - 1, j), at(i, j - 1))
    }
  }
  const missing: string[] = []
  for (let i = n, j = m; i > 0;) {
    if (j > 0 && expected[i - 1] === got[j - 1]) {
      i--
      j--
    } else if (j > 0 && at(i, j - 1) >= at(i - 1, j)) j--
    else {
      missing.unshift(`${expected.slice(Math.max(0, i - 3), i - 1).join(' ')} [${expected[i - 1]}]`)
      i--
    }
  }
  const found = at(n, m)
  return { total: n, found, share: n ? found / n : 1, missing: missing.slice(0, 20) }
}
