/**
 * `<details>` blocks, as mdBook and GitHub users write them:
 *
 *     <details>
 *     <summary>What the box is about</summary>
 *
 *     Paragraphs, lists, tables: Markdown.
 *
 *     </details>
 *
 * become a container node (`<details>` in hast) whose summary is a paragraph
 * block (`<summary>`, translatable, with its own ID) and whose Markdown
 * children are blocks as anywhere else. Positions stay those of the file.
 */
import type { Nodes, Parent, Paragraph, Root, RootContent } from 'mdast'
import { visit } from 'unist-util-visit'
import { lineIndex } from '../util/problems.ts'
import { parseMarkdown } from './parse.ts'

const opening = /^<details>\s*(?:<summary>([\s\S]*?)<\/summary>)?\s*$/
const closing = /^<\/details>\s*$/

/** Is `node` the opening or closing line of a details block? */
export function detailsTag(node: Nodes): 'open' | 'close' | undefined {
  if (node.type !== 'html') return undefined
  return opening.test(node.value) ? 'open' : closing.test(node.value) ? 'close' : undefined
}

/** Group every `<details>` … `</details>` of `tree` (parsed from `text`) into a container. Unpaired tags stay html. */
export function groupDetails(tree: Root, text: string): void {
  const group = (parent: Parent): void => {
    const children = parent.children as RootContent[]
    for (let i = 0; i < children.length; i++) {
      const node = children[i]!
      if ('children' in node) group(node as Parent)
      if (detailsTag(node) !== 'open') continue
      let depth = 0
      let end = -1
      for (let j = i + 1; j < children.length; j++) {
        const tag = detailsTag(children[j]!)
        if (tag === 'open') depth++
        else if (tag === 'close' && depth-- === 0) {
          end = j
          break
        }
      }
      if (end === -1) continue
      const inner = children.slice(i + 1, end)
      const summary = summaryOf(node as Extract<Nodes, { type: 'html' }>, text)
      const container = {
        type: 'blockquote',
        data: { hName: 'details' },
        children: [...(summary ? [summary] : []), ...inner],
        position: { start: node.position!.start, end: children[end]!.position!.end },
      } as unknown as RootContent
      for (const child of inner) if ('children' in child) group(child as Parent)
      children.splice(i, end - i + 1, container)
    }
  }
  group(tree)
}

/** The summary line as a paragraph block at its place in the file. */
function summaryOf(node: { value: string; position?: Nodes['position'] }, text: string): Paragraph | undefined {
  const match = opening.exec(node.value)
  const start = node.position?.start.offset
  if (!match?.[1] || start === undefined) return undefined
  const inner = match[1]
  const from = start + node.value.indexOf('<summary>') + '<summary>'.length + (inner.length - inner.trimStart().length)
  const content = inner.trim()
  if (content === '') return undefined
  const parsed = parseMarkdown(content)
  const first = parsed.children[0]
  if (parsed.children.length !== 1 || first?.type !== 'paragraph') return undefined
  const lines = lineIndex(text)
  const at = (offset: number) => ({ ...lines.placeAt(from + offset), offset: from + offset })
  visit(first, (child: Nodes) => {
    if (child.position) child.position = { start: at(child.position.start.offset!), end: at(child.position.end.offset!) }
  })
  return { ...first, data: { ...first.data, hName: 'summary' } }
}
