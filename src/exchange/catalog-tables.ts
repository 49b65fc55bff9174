/**
 * Whole-table messages, as po4a's Markdown (text) module extracts a GFM table
 * (one `no-wrap` message holding every row, pipes included), split into one
 * message per cell, so that each cell matches its block (a press table cell).
 * A table message whose translation is not a table of the same shape is kept
 * whole (it then matches nothing and is reported as unmatched).
 */
import type { Nodes, Root } from 'mdast'
import { parseMarkdown } from '../source/parse.ts'
import type { CatalogEntry } from './po.ts'

/** The cells of `markdown` when it is exactly one table, as Markdown (no pipes, no padding), row by row. */
export function tableCells(markdown: string): string[] | undefined {
  if (!markdown.includes('|')) return undefined
  const tree: Root = parseMarkdown(markdown)
  const table = tree.children[0]
  if (tree.children.length !== 1 || table?.type !== 'table') return undefined
  return table.children.flatMap((row) => row.children.map((cell) => cellText(cell, markdown)))
}

function cellText(cell: Nodes, markdown: string): string {
  if (!('children' in cell) || cell.children.length === 0) return ''
  const start = cell.children[0]!.position?.start.offset
  const end = cell.children[cell.children.length - 1]!.position?.end.offset
  return start === undefined || end === undefined ? '' : markdown.slice(start, end)
}

export function splitTableMessages(catalog: readonly CatalogEntry[]): CatalogEntry[] {
  return catalog.flatMap((entry) => {
    const sources = tableCells(entry.msgid)
    if (!sources) return [entry]
    const targets = entry.msgstr.trim() === '' ? sources.map(() => '') : tableCells(entry.msgstr)
    if (!targets || targets.length !== sources.length) return [entry]
    const previous = entry.previous === undefined ? undefined : tableCells(entry.previous)
    return sources.map((msgid, i): CatalogEntry => ({
      ...entry,
      msgid,
      msgstr: targets[i]!,
      previous: previous?.length === sources.length ? previous[i] : undefined,
    }))
  })
}
