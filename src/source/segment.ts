/**
 * Segmentation: which nodes of a Markdown source are translatable blocks.
 *
 * A block is a heading, a paragraph (at top level, in a list item or a block
 * quote), a table cell, a paragraph of a footnote definition, or a code block.
 * Its text is the block's own Markdown, sliced from the source (so nothing is
 * lost in a round trip), with container prefixes (`> `, list indentation)
 * removed from continuation lines. Headings and table cells are sliced from
 * their first to their last inline node: no `#` marks, no pipes, no padding.
 * An HTML comment directly before a block is that block's note for the
 * translator (exported with it, never published).
 */
import type { Nodes, Parent, Root, RootContent } from 'mdast'
import type { VFileMessage } from 'vfile-message'
import { problem } from '../util/problems.ts'
import { fingerprint } from './fingerprint.ts'
import { allowedHtmlHint, inlineHtmlProblem, readHtml } from './inline-html.ts'

export const blockKinds = ['heading', 'paragraph', 'note', 'table-cell', 'code'] as const
export type BlockKind = (typeof blockKinds)[number]

export interface Block {
  kind: BlockKind
  /** The block's Markdown (for headings: without the `#` marks). */
  text: string
  /** Fingerprint of `text`. */
  hash: string
  /** Source file, relative to the project root. */
  file: string
  line: number
  column: number
  /** The mdast node the block was made from. */
  node: Nodes
  /** For notes: the footnote label. */
  noteLabel?: string
  /** Heading depth, for headings. */
  depth?: number
  /** The HTML comment(s) written directly before the block: a note for the translator. */
  translatorNote?: string
}

export interface Segmentation {
  blocks: Block[]
  messages: VFileMessage[]
}

/** Find every translatable block of `tree` (parsed from `text`, the content of `file`). */
export function segment(tree: Root, text: string, file: string): Segmentation {
  const blocks: Block[] = []
  const messages: VFileMessage[] = []
  let note: string | undefined

  const add = (kind: BlockKind, node: Nodes, extra: Partial<Block> = {}): void => {
    const slice = sliceBlock(node, text, kind)
    const start = node.position?.start
    const translatorNote = note
    note = undefined
    blocks.push({
      kind,
      text: slice,
      hash: fingerprint(slice),
      file,
      line: start?.line ?? 1,
      column: start?.column ?? 1,
      node,
      ...extra,
      ...(translatorNote ? { translatorNote } : {}),
    })
  }

  const unsupported = (node: Nodes, what: string, hint: string): void => {
    messages.push(
      problem(`${what} is not supported in a source.`, { file, place: node.position?.start, hint, ruleId: 'unsupported-markdown' }),
    )
  }

  const visit = (node: Nodes, noteLabel?: string): void => {
    switch (node.type) {
      case 'heading':
        add('heading', node, { depth: node.depth })
        checkInline(node)
        return
      case 'paragraph':
        if (noteLabel !== undefined) add('note', node, { noteLabel })
        else add('paragraph', node)
        checkInline(node)
        return
      case 'code':
        add('code', node)
        return
      case 'tableCell':
        add('table-cell', node)
        checkInline(node)
        return
      case 'footnoteDefinition':
        for (const child of node.children) visit(child, node.label ?? node.identifier)
        return
      case 'html':
        // A comment is never published nor translated: it is a note for the translator of the next block.
        if (readHtml(node.value)?.kind === 'comment') {
          const said = commentText(node.value)
          if (said !== '') note = note ? `${note}\n${said}` : said
          return
        }
        unsupported(
          node,
          'A raw HTML block',
          'Write it as Markdown (an HTML comment is allowed); raw HTML cannot be translated block by block. ' + allowedHtmlHint,
        )
        return
      case 'thematicBreak':
      case 'definition':
        note = undefined
        return
      default:
        if ('children' in node) for (const child of (node as Parent).children) visit(child as Nodes, noteLabel)
    }
  }

  const checkInline = (node: Parent): void => {
    const html = (node.children as Nodes[]).filter((child) => child.type === 'html')
    const found = inlineHtmlProblem(html.map((child) => child.value))
    if (found) {
      messages.push(
        problem(`${found.reason}.`, { file, place: html[found.index]!.position?.start, hint: allowedHtmlHint, ruleId: 'unsupported-html' }),
      )
    }
    for (const child of node.children as Nodes[]) if ('children' in child) checkInline(child as Parent)
  }

  for (const child of tree.children as RootContent[]) visit(child)
  return { blocks, messages }
}

/** The words of an HTML comment (or comments), each line trimmed. */
function commentText(html: string): string {
  return html
    .replace(/<!--|-->/g, '\n')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .join('\n')
}

/** The Markdown of one block, without container prefixes on continuation lines. */
function sliceBlock(node: Nodes, text: string, kind: BlockKind): string {
  const position = node.position
  if (!position || position.start.offset === undefined || position.end.offset === undefined) return ''
  let start = position.start.offset
  let end = position.end.offset
  if ((kind === 'heading' || kind === 'table-cell') && 'children' in node && node.children.length > 0) {
    const first = node.children[0]?.position?.start.offset
    const last = node.children[node.children.length - 1]?.position?.end.offset
    if (first !== undefined && last !== undefined) {
      start = first
      end = last
    } else return ''
  } else if (kind === 'heading' || kind === 'table-cell') return ''
  const raw = text.slice(start, end)
  if (kind === 'code') return raw
  return raw
    .split('\n')
    .map((line, index) => (index === 0 ? line : line.replace(/^[ \t]*(?:>[ \t]?)*[ \t]*/, '')))
    .join('\n')
}
