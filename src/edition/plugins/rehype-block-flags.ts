/**
 * rehype plugin: the visible flag of a block whose translation is missing
 * (the source text is shown) or stale: `<span class="pp-flag" lang="…">` and a
 * space in front of the block's text. One plugin draws it for every output
 * (HTML, EPUB, PDF, parallel text).
 */
import type { Element, Root } from 'hast'
import { h } from 'hastscript'
import type { Plugin } from 'unified'
import { visit } from 'unist-util-visit'

export type FlaggedStatus = 'stale' | 'fallback'

export interface Options {
  /** The edition's language: the flag is written in it. */
  language: string
  /** The flag's text for a status; `source` is the language of the text shown (for "the English source text"). */
  flag(status: FlaggedStatus, source: string): string
}

export const rehypeBlockFlags: Plugin<[Options], Root> = function (options) {
  return (tree) => {
    visit(tree, 'element', (node: Element) => {
      if (node.data?.blockId === undefined) return undefined
      const status = node.properties.dataStatus
      if (status === 'stale' || status === 'fallback') {
        const source = typeof node.properties.lang === 'string' ? node.properties.lang : options.language
        node.children.unshift(h('span.pp-flag', { lang: options.language }, options.flag(status, source)), { type: 'text', value: ' ' })
      }
      return 'skip'
    })
  }
}
