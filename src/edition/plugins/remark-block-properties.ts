/**
 * remark plugin: give each identified block (a node with `data.blockId`, set
 * by localize) the HTML properties it keeps in every output: its `id`, its
 * status (`class="pp-stale"`, `data-status`) when it is stale or a fallback,
 * and `lang` when its text is in another language than the edition. It also
 * marks the element (`data-block-id`, moved to hast `data` by rehype-block-ids)
 * so that later steps find blocks without a list of IDs.
 */
import type { Root } from 'mdast'
import type { Plugin } from 'unified'
import { visit } from 'unist-util-visit'

export interface Options {
  /** The edition's language. */
  language: string
}

export const BLOCK_MARKER = 'dataPressBlockId'

export const remarkBlockProperties: Plugin<[Options], Root> = function (options) {
  return (tree) => {
    visit(tree, (node) => {
      const data = node.data
      if (data?.blockId === undefined) return
      const properties: Record<string, string | string[]> = { id: data.blockId }
      if (data.blockStatus === 'fallback' || data.blockStatus === 'stale') {
        properties.className = [`pp-${data.blockStatus}`]
        properties.dataStatus = data.blockStatus
      }
      if (data.blockLanguage !== undefined && data.blockLanguage !== options.language) properties.lang = data.blockLanguage
      properties[BLOCK_MARKER] = data.blockId
      data.hProperties = properties
    })
  }
}
