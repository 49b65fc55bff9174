/**
 * rehype plugin: a `<details>` box as a plain block (`div.details`) with its
 * summary as a first paragraph (`p.summary`): reading systems differ on
 * details (some never open it), and an e-book shows the whole text.
 */
import type { Element, Root } from 'hast'
import type { Plugin } from 'unified'
import { visit } from 'unist-util-visit'

/** The plugin has no options: the classes are those templates/epub.css styles. */
export type Options = Record<string, never>

export const rehypeUnfoldDetails: Plugin<[Options?], Root> = function () {
  return (tree) => {
    visit(tree, 'element', (node: Element) => {
      if (node.tagName === 'details') Object.assign(node, { tagName: 'div', properties: { ...node.properties, className: ['details'] } })
      else if (node.tagName === 'summary') Object.assign(node, { tagName: 'p', properties: { ...node.properties, className: ['summary'] } })
    })
  }
}
