/**
 * remark plugin: toHast unwraps the paragraphs of a tight list into their
 * `<li>`, and a paragraph's ID would go with it. Render every list loose (a
 * `<p>` per paragraph) and mark lists that were tight (`class="tight"`) so that
 * stylesheets keep them tight.
 */
import type { List, Root } from 'mdast'
import type { Plugin } from 'unified'
import { visit } from 'unist-util-visit'

/** No options. */
export type Options = Record<string, never>

export const remarkKeepListParagraphs: Plugin<[Options?], Root> = function () {
  return (tree) => {
    visit(tree, 'list', (list: List) => {
      const tight = !list.spread && list.children.every((item) => !item.spread)
      if (tight) list.data = { ...list.data, hProperties: { ...(list.data?.hProperties ?? {}), className: ['tight'] } }
      list.spread = true
    })
  }
}
