/**
 * Content Chromium paints outside any marked content (the @page margin boxes: running heads and folios;
 * borders: the notes' rule, the contents' dotted leaders; backgrounds) is marked as an Artifact, so that it
 * is neither tagged nor untagged content: text as `/Artifact <</Type /Pagination>>`, paths and images as
 * `/Artifact <</Type /Layout>>`. Only whole text objects (BT … ET), whole painted paths and single `Do`/`sh`
 * are wrapped, so every sequence nests inside the stream's q … Q as it was. A stream with inline images or
 * tagged content (an MCID) inside a text object at the outer level is left as it is.
 */
const DELIMITER = /[\s()<>[\]{}/%]/
// The scan reads character codes through two tables (a stream is latin1 text: every code is below 256): white space
// as JavaScript's `\s` has it there (tab, line feed, vertical tab, form feed, carriage return, space, no-break space),
// and the delimiters, white space included. It is the hot loop of the post-processing.
const WHITE = new Uint8Array(256)
for (const c of [9, 10, 11, 12, 13, 32, 160]) WHITE[c] = 1
const DELIMITERS = WHITE.slice()
for (const c of '()<>[]{}/%') DELIMITERS[c.charCodeAt(0)] = 1
const isWhite = (content: string, i: number): boolean => {
  const code = content.charCodeAt(i)
  return code < 256 ? WHITE[code] === 1 : /\s/.test(content[i]!)
}
const isDelimiter = (content: string, i: number): boolean => {
  const code = content.charCodeAt(i)
  return code < 256 ? DELIMITERS[code] === 1 : DELIMITER.test(content[i]!)
}
/** A number's first character (the scan's `/^[-+.\d]/`): an operand, not an operator. */
const startsNumber = (code: number): boolean => code === 45 || code === 43 || code === 46 || (code >= 48 && code <= 57)
const PATH_START = new Set(['m', 're'])
const PAINT = new Set(['S', 's', 'f', 'F', 'f*', 'B', 'B*', 'b', 'b*'])
const PAGINATION = '/Artifact <</Type /Pagination>> BDC\n'
const LAYOUT = '/Artifact <</Type /Layout>> BDC\n'

/** The content stream (bytes as latin1 text) with its unmarked content marked as artifacts; `count`: sequences marked. */
export function markArtifacts(content: string): { content: string; count: number } {
  const inserts: { at: number; text: string }[] = []
  let depth = 0
  let text: number | undefined
  let path: number | undefined
  let operands: number | undefined
  let i = 0
  const n = content.length
  while (i < n) {
    if (isWhite(content, i)) {
      i++
      continue
    }
    const c = content[i]!
    const start = i
    if (c === '%') {
      while (i < n && content[i] !== '\n' && content[i] !== '\r') i++
      continue
    }
    if (c === '(') {
      let nest = 0
      for (; i < n; i++) {
        const d = content[i]
        if (d === '\\') i++
        else if (d === '(') nest++
        else if (d === ')' && --nest === 0) break
      }
      i++
    } else if (c === '<' && content[i + 1] !== '<') i = content.indexOf('>', i) + 1 || n
    else if ('<>[]{}'.includes(c)) i += c === '<' || c === '>' ? 2 : 1
    else if (c === '/') {
      i++
      while (i < n && !isDelimiter(content, i)) i++
    } else {
      while (i < n && !isDelimiter(content, i)) i++
      // Numbers, most of a stream's words, are told by their first character, without a string made of them.
      if (startsNumber(content.charCodeAt(start))) {
        operands ??= start
        continue
      }
      const word = content.slice(start, i)
      if (word === 'true' || word === 'false' || word === 'null') {
        operands ??= start
        continue
      }
      const from = operands ?? start
      operands = undefined
      if (word === 'BI') return { content, count: 0 }
      if (text !== undefined && (word === 'BDC' || word === 'BMC' || word === 'EMC')) {
        // Marked content inside an unmarked text object (Chromium's /ReversedChars, /Span with /ActualText of
        // right-to-left text) stays inside the artifact; tagged content (an MCID) there is not touched.
        if (content.slice(from, i).includes('/MCID')) return { content, count: 0 }
        continue
      }
      if (word === 'BDC' || word === 'BMC') depth++
      else if (word === 'EMC') depth = Math.max(0, depth - 1)
      else if (depth > 0) continue
      else if (word === 'BT') text = from
      else if (word === 'ET' && text !== undefined) {
        inserts.push({ at: text, text: PAGINATION }, { at: i, text: '\nEMC' })
        text = undefined
      } else if (text !== undefined) continue
      else if (PATH_START.has(word)) path ??= from
      else if (word === 'n') path = undefined
      else if (PAINT.has(word) && path !== undefined) {
        inserts.push({ at: path, text: LAYOUT }, { at: i, text: '\nEMC' })
        path = undefined
      } else if (word === 'Do' || word === 'sh') inserts.push({ at: from, text: LAYOUT }, { at: i, text: '\nEMC' })
      continue
    }
    operands ??= start
  }
  let out = ''
  let last = 0
  for (const insert of inserts) {
    out += content.slice(last, insert.at) + insert.text
    last = insert.at
  }
  return { content: out + content.slice(last), count: inserts.length / 2 }
}

/** A page content stream with its artifacts marked (undefined: none to mark). */
export function withArtifacts(content: string): string | undefined {
  const marked = markArtifacts(content)
  return marked.count === 0 ? undefined : marked.content
}
