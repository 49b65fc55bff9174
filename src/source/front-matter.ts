/**
 * YAML front matter (`---` … `---` at the very top of a Markdown file, as
 * mdBook, Quarto, Jekyll and Hugo write it): read and kept out of the text.
 * The block is replaced by spaces of the same length, so every line, column
 * and offset of the Markdown after it stays what it is in the file. Its fields
 * are ignored (the publication's metadata lives in publication.yaml).
 */
import { parseDocument } from 'yaml'
import { PressError, lineIndex, problem } from '../util/problems.ts'

export interface FrontMatter {
  /** The text with the front matter blanked out. */
  text: string
  /** The front matter's fields (empty when there is none). */
  data: Record<string, unknown>
}

const opening = /^---[ \t]*\r?\n/
const closing = /^(?:---|\.\.\.)[ \t]*$/m

export function readFrontMatter(text: string, file: string): FrontMatter {
  const open = opening.exec(text)
  if (!open) return { text, data: {} }
  const rest = text.slice(open[0].length)
  const close = closing.exec(rest)
  if (!close) return { text, data: {} }
  const end = open[0].length + close.index + close[0].length
  const yaml = rest.slice(0, close.index)
  const document = parseDocument(yaml)
  const error = document.errors[0]
  if (error) {
    const offset = open[0].length + (error.pos[0] ?? 0)
    throw new PressError(
      problem(`The front matter is not valid YAML: ${error.message.split('\n')[0]}`, {
        file,
        place: lineIndex(text).placeAt(offset),
        hint: 'Fix the YAML between the two `---` lines at the top of the file, or remove it.',
        ruleId: 'front-matter',
      }),
    )
  }
  const value: unknown = document.toJS()
  const data = value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {}
  return { text: text.slice(0, end).replace(/[^\n]/g, ' ') + text.slice(end), data }
}
