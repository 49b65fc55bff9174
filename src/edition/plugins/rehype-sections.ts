/**
 * rehype plugin: group the edition's top-level elements into sections. Each
 * heading of the section level (`level`: 2 for `##`, 1 when the publication
 * uses `#` chapters) opens a `<section class="thesis">` labelled by it; a thematic
 * break opens an unheaded `<section class="closing-note">`; what comes before
 * the first heading is a `<div class="preamble">`; the footnotes section gets
 * `class="notes"` and stays last.
 */
import type { Element, ElementContent, Root } from 'hast'
import type { Plugin } from 'unified'

export interface Options {
  /** Accessible name of the closing section (in the edition's language). */
  closingNoteLabel: string
  /** The heading level that opens a section (1–6; default 2). */
  level?: number
}

export const rehypeSections: Plugin<[Options], Root> = function (options) {
  return (tree) => {
    const nodes = tree.children.filter((node): node is Element => node.type === 'element')
    tree.children = groupSections(nodes, options)
  }
}

function groupSections(nodes: Element[], options: Options): Element[] {
  const out: Element[] = []
  let current: Element | undefined
  const open = (properties: Record<string, string | string[]>): Element => {
    current = { type: 'element', tagName: 'section', properties, children: [] }
    out.push(current)
    return current
  }
  const openPreamble = (): Element => {
    current = { type: 'element', tagName: 'div', properties: { className: ['preamble'] }, children: [] }
    out.push(current)
    return current
  }
  for (const node of nodes) {
    if (node.tagName === 'section' && node.properties.dataFootnotes !== undefined) {
      node.properties.className = ['notes']
      node.properties.ariaLabelledBy = ['pp-footnote-label']
      out.push(node)
      current = undefined
    } else if (node.tagName === `h${options.level ?? 2}`) {
      open({ className: ['thesis'], ariaLabelledBy: String(node.properties.id) }).children.push(node)
    } else if (node.tagName === 'hr') {
      open({ className: ['closing-note'], ariaLabel: options.closingNoteLabel })
    } else {
      ;(current ?? openPreamble()).children.push(node as ElementContent)
    }
  }
  return out
}
