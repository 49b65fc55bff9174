/**
 * rehype plugin: soft hyphens in the running text of print editions, each part
 * in the language of its nearest `lang`, with the TeX patterns and rules of
 * src/outputs/hyphenation.ts (headings, contents, code and addresses whole).
 */
import type { Root } from 'hast'
import type { Plugin } from 'unified'
import { hyphenateTree } from './hyphenation.ts'

export interface Options {
  /** The language of text with no nearer `lang` (the edition's). */
  language: string
}

export const rehypeHyphenate: Plugin<[Options], Root> = function (options) {
  return (tree) => hyphenateTree(tree, options.language)
}
