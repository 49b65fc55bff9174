/**
 * remark plugin: the allowlisted inline HTML of a block (src/source/inline-html.ts)
 * as elements. `<sub>` … `</sub>` among a block's inline nodes wraps the nodes
 * between them in a node that becomes `<sub>` in hast (`data.hName`), `<br>`
 * becomes a line break, a comment disappears. Anything else (a tag off the
 * list, a tag that does not close in the same block) becomes text.
 */
import type { Nodes, Parent, PhrasingContent, Root } from 'mdast'
import type { Plugin } from 'unified'
import { readHtml } from '../../source/inline-html.ts'

export const remarkInlineHtml: Plugin<[], Root> = function () {
  return (tree) => {
    const walk = (node: Nodes): void => {
      if (!('children' in node)) return
      for (const child of node.children as Nodes[]) walk(child)
      if ((node.children as Nodes[]).some((child) => child.type === 'html') && node.type !== 'root') {
        ;(node as Parent).children = elements(node.children as PhrasingContent[])
      }
    }
    walk(tree)
  }
}

function elements(children: PhrasingContent[]): PhrasingContent[] {
  const stack: { tag: string; attributes: Record<string, string>; start: PhrasingContent; parts: PhrasingContent[] }[] = []
  let out: PhrasingContent[] = []
  for (const child of children) {
    const token = child.type === 'html' ? readHtml(child.value) : undefined
    if (child.type !== 'html') out.push(child)
    else if (!token) out.push({ type: 'text', value: child.value })
    else if (token.kind === 'comment') continue
    else if (token.kind === 'void') out.push(token.tag === 'br' ? { type: 'break' } : element('wbr', {}, []))
    else if (token.kind === 'open') {
      stack.push({ tag: token.tag, attributes: token.attributes, start: child, parts: out })
      out = []
    } else if (stack.at(-1)?.tag === token.tag) {
      const frame = stack.pop()!
      frame.parts.push(element(frame.tag, frame.attributes, out))
      out = frame.parts
    } else out.push({ type: 'text', value: child.value })
  }
  // Tags left open: their opening tag is shown as text, their content stays.
  while (stack.length > 0) {
    const frame = stack.pop()!
    out = [...frame.parts, { type: 'text', value: (frame.start as { value: string }).value }, ...out]
  }
  return out
}

function element(tag: string, attributes: Record<string, string>, children: PhrasingContent[]): PhrasingContent {
  return { type: 'emphasis', data: { hName: tag, hProperties: attributes }, children }
}
