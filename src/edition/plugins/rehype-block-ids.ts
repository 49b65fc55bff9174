/**
 * rehype plugin: move the block marker that remark-block-properties left in
 * the properties (`data-press-block-id`) to the element's `data.blockId`, so
 * each paragraph ID travels with its element and never reaches the output as
 * an attribute.
 */
import type { Element, Root } from 'hast'
import type { Plugin } from 'unified'
import { visit } from 'unist-util-visit'
import { BLOCK_MARKER } from './remark-block-properties.ts'

declare module 'hast' {
  interface Data {
    /** The paragraph ID of a block element. */
    blockId?: string
  }
}

/** No options. */
export type Options = Record<string, never>

export const rehypeBlockIds: Plugin<[Options?], Root> = function () {
  return (tree) => {
    visit(tree, 'element', (node: Element) => {
      const id = node.properties[BLOCK_MARKER]
      if (typeof id !== 'string') return
      delete node.properties[BLOCK_MARKER]
      node.data = { ...node.data, blockId: id } as Element['data']
    })
  }
}

/** The paragraph ID of a block element (undefined for other nodes). */
export function blockIdOf(node: { data?: { blockId?: string } | undefined }): string | undefined {
  return node.data?.blockId
}
