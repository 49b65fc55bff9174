/**
 * The shapes in which other tools extract a Markdown block into a gettext
 * message, brought back to one message per press block before matching:
 *
 * - po4a gives a whole table as one message, unwrapped (0.70+: one line per
 *   row) or wrapped onto one line (0.69: `| a | b | | --- | --- | | c | d |`);
 *   press aligns a table per cell, so a table becomes one message per cell.
 * - po4a keeps what the block's lines start with: an HTML comment written
 *   just before a paragraph (`<!-- … -->` + the paragraph), the quote markers
 *   of a blockquote (`> `), the label of a footnote definition (`[^1]: `),
 *   and the `<details>` + `<summary>` lines around a summary's text.
 * - po4a and mdbook-i18n-helpers give lines that hold only markup
 *   (`</details>`) as messages of their own: they translate no block.
 *
 * The same is done to the msgid, the msgstr and the previous msgid, so a
 * translation is put in the block without the markup press keeps apart (a
 * comment before a block is its translator note, a quote marker is the
 * structure around it).
 */
import type { Table } from 'mdast'
import { parseMarkdown } from '../source/parse.ts'
import type { CatalogEntry } from './po.ts'

/** The messages `entry` stands for, one per block (several for a table); none when it holds only markup. */
export function blockShaped(entry: CatalogEntry): CatalogEntry[] {
  if (markupOnly(entry.msgid)) return []
  return splitTable(mapTexts(entry, unwrapTable)).map((message) => mapTexts(message, withoutStructure))
}

/** Does `msgid` hold nothing a reader sees (tags, comments and whitespace only)? */
export function markupOnly(msgid: string): boolean {
  return (
    msgid
      .replace(/<!--[\s\S]*?-->/g, '')
      .replace(/<\/?[A-Za-z][^>]*>/g, '')
      .trim() === '' && msgid.trim() !== ''
  )
}

function mapTexts(entry: CatalogEntry, change: (text: string, msgid: string) => string): CatalogEntry {
  const msgid = change(entry.msgid, entry.msgid)
  return {
    ...entry,
    msgid,
    msgstr: entry.msgstr === '' ? '' : change(entry.msgstr, entry.msgid),
    ...(entry.previous === undefined ? {} : { previous: change(entry.previous, entry.previous) }),
  }
}

const leadingComments = /^(?:\s*<!--[\s\S]*?-->)+\s*/
const details = /^\s*<details>\s*<summary>([\s\S]*?)<\/summary>\s*$/
const footnoteLabel = /^\[\^[^\]\s]+\]:[ \t]+/

/**
 * `text` without the structure press keeps apart, when the msgid it belongs
 * to has it: comments before the text, a summary's `<details>` lines, a
 * footnote definition's label, blockquote markers on every line.
 */
function withoutStructure(text: string, msgid: string): string {
  let result = text
  if (leadingComments.test(msgid) && !markupOnly(msgid)) result = result.replace(leadingComments, '')
  const summary = details.exec(result)
  if (details.test(msgid) && summary) result = summary[1]!
  if (footnoteLabel.test(msgid)) result = result.replace(footnoteLabel, '')
  const lines = msgid.replace(leadingComments, '').replace(/\n$/, '').split('\n')
  if (lines.every((line) => /^[ \t]*>/.test(line))) result = result.replace(/^[ \t]*>[ \t]?/gm, '')
  return result
}

// A pipe table's header line followed by its delimiter row (`| --- | :-: |`).
const tableStart = /^[ \t]*\|.*\n[ \t]*\|?[ \t]*:?-+:?[ \t]*(\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*(\n|$)/
const delimiterCell = /^[ \t]*:?-+:?[ \t]*$/

/**
 * A table that po4a 0.69 wrapped onto one line (`| a | b | | --- | --- | | c | d |`),
 * one line per row again; any other text as it is. The delimiter row gives
 * the number of columns, so an empty cell is never taken for a row break.
 */
export function unwrapTable(text: string): string {
  const line = text.trim()
  if (!line.startsWith('|') || !line.endsWith('|') || line.includes('\n')) return text
  const tokens = line.split(/(?<!\\)\|/).slice(1, -1)
  const firstDelimiter = tokens.findIndex((token) => delimiterCell.test(token))
  const columns = firstDelimiter - 1
  if (columns < 1 || tokens[columns]!.trim() !== '' || (tokens.length + 1) % (columns + 1) !== 0) return text
  const rows: string[][] = []
  for (let start = 0; start < tokens.length; start += columns + 1) {
    if (start + columns < tokens.length && tokens[start + columns]!.trim() !== '') return text
    rows.push(tokens.slice(start, start + columns).map((cell) => cell.trim()))
  }
  if (rows.length < 2 || !rows[1]!.every((cell) => delimiterCell.test(cell))) return text
  return rows.map((cells) => `| ${cells.join(' | ')} |`).join('\n') + '\n'
}

/**
 * A whole Markdown table given as one message, as one message per cell when
 * its translation has the same rows and cells; any other message as it is
 * (and, if no block matches it, reported as unmatched).
 */
export function splitTable(entry: CatalogEntry): CatalogEntry[] {
  if (!tableStart.test(entry.msgid)) return [entry]
  const source = tableCells(entry.msgid)
  const target = tableCells(entry.msgstr)
  if (!source || !target || source.length !== target.length) return [entry]
  const previous = entry.previous === undefined ? undefined : tableCells(entry.previous)
  return source.map((msgid, i) => ({
    msgid,
    msgstr: target[i]!,
    fuzzy: entry.fuzzy,
    ...(previous?.length === source.length ? { previous: previous[i]! } : {}),
    ...(entry.place ? { place: entry.place } : {}),
  }))
}

/** The Markdown of each cell of the one table `markdown` consists of, row by row; undefined for anything else. */
function tableCells(markdown: string): string[] | undefined {
  const tree = parseMarkdown(markdown)
  const [table] = tree.children
  if (tree.children.length !== 1 || table?.type !== 'table') return undefined
  const rows = (table as Table).children
  const width = rows[0]?.children.length
  if (rows.some((row) => row.children.length !== width)) return undefined
  return rows.flatMap((row) =>
    row.children.map((cell) => {
      const first = cell.children[0]?.position?.start.offset
      const last = cell.children.at(-1)?.position?.end.offset
      return first === undefined || last === undefined ? '' : markdown.slice(first, last)
    }),
  )
}
