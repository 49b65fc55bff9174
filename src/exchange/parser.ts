/**
 * The project's Markdown parser for the exchange formats, loaded on demand: a
 * text with no inline Markdown cuts into no codes (`hasNoCodes`), a heading of
 * plain words is its own plain text (`isPlainText`), so an export of such texts
 * loads no parser. Whoever cuts or reads other texts loads it first
 * (`loadParser`: `exchangeCodec`, `readExchange`, `writeExchange` and
 * `buildUnits` do).
 */
import type * as Parse from '../source/parse.ts'

let loaded: typeof Parse | undefined

export async function loadParser(): Promise<typeof Parse> {
  loaded ??= await import('../source/parse.ts')
  return loaded
}

/** The parser `loadParser` loaded (a programming error when it was not). */
export function parser(): typeof Parse {
  if (!loaded) throw new Error('The Markdown parser of the exchange formats is not loaded: await loadParser() first.')
  return loaded
}

// What can open an inline code: emphasis, strong, strikethrough, links, references, images, note calls, inline
// code, HTML, escapes and hard breaks (all need one of these characters), bare links (a URL or www.) and emails (@).
const mayHoldCodes = /[*_~[\]!`<\\\n\r@]|https?:|www\./i

/** True when `markdown` parses to text only, so that it cuts into no codes. */
export function hasNoCodes(markdown: string): boolean {
  return !mayHoldCodes.test(markdown)
}

// Letters, marks, digits, spaces and punctuation that opens no Markdown: no list or heading marker, no entity,
// escape, line break, table, link or emphasis.
const plainWords = /^[\p{L}\p{M}\p{N} ,;'"?(%$/]*$/u

/** True when `markdown` is one paragraph of plain text: its plain text is itself, spaces collapsed. */
export function isPlainText(markdown: string): boolean {
  return plainWords.test(markdown)
}
