/** One source file's bytes to its text, tree and blocks (the Markdown parser is loaded with this module). */
import type { Root } from 'mdast'
import type { VFileMessage } from 'vfile-message'
import { decodeText } from '../util/read-text.ts'
import { lineIndex, PressError } from '../util/problems.ts'
import { parseMarkdown } from './parse.ts'
import { segment, type Block } from './segment.ts'
import { urlProblems } from './urls.ts'
import { nestingProblem } from './nesting.ts'
import { readFrontMatter } from './front-matter.ts'
import { groupDetails } from './details.ts'

export interface ParsedSource {
  /** The file's text, front matter blanked out (src/source/front-matter.ts). */
  text: string
  tree: Root
  blocks: Block[]
  /** What segmenting and the URL policy found (failing when fatal). */
  messages: VFileMessage[]
  /** The URL policy let every link and image through (its images are read only then). */
  urlsAllowed: boolean
}

/** Parse the source `path` (relative to the project root, as messages and blocks name it) from its bytes. */
export function parseSourceFile(bytes: Uint8Array, path: string): ParsedSource {
  const { text } = readFrontMatter(decodeText(bytes, path, 'source'), path)
  const deep = nestingProblem(text, path, (offset) => lineIndex(text).placeAt(offset))
  if (deep) throw new PressError(deep)
  const tree = parseMarkdown(text)
  groupDetails(tree, text)
  const result = segment(tree, text, path)
  const urls = urlProblems(tree, path)
  return { text, tree, blocks: result.blocks, messages: [...result.messages, ...urls], urlsAllowed: urls.length === 0 }
}
