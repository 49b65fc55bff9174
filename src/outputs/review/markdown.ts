/**
 * One block's Markdown as safe hast for a review row. Raw HTML becomes text,
 * links keep only http(s), mailto and relative targets, footnote references
 * are plain superscript labels (no IDs, so rows never clash), images show
 * their alternative text. Serialised with hast-util-to-html, which escapes
 * all text: nothing in a translation can become markup or script.
 */
import type { Element, ElementContent, Root as HastRoot } from 'hast'
import { h } from 'hastscript'
import type { Nodes } from 'mdast'
import { toHast, type State } from 'mdast-util-to-hast'
import { parseMarkdown } from '../../source/parse.ts'

const safeUrl = (url: string): boolean => /^(?:https?:|mailto:)/i.test(url) || !/^[^/?#]*:/.test(url)

const handlers = {
  html: (_state: State, node: Nodes & { value: string }): ElementContent => ({ type: 'text', value: node.value }),
  footnoteReference: (_state: State, node: Nodes & { label?: string | null; identifier: string }): ElementContent =>
    h('sup.note-ref', `[${node.label ?? node.identifier}]`),
  link: (state: State, node: Nodes & { url: string }): ElementContent =>
    safeUrl(node.url) ? h('a', { href: node.url }, state.all(node)) : h('span.unsafe-link', state.all(node)),
  linkReference: (state: State, node: Nodes): ElementContent => h('span.link-ref', state.all(node)),
  image: (_state: State, node: Nodes & { alt?: string | null }): ElementContent => h('span.image-alt', `[${node.alt ?? ''}]`),
  imageReference: (_state: State, node: Nodes & { alt?: string | null }): ElementContent => h('span.image-alt', `[${node.alt ?? ''}]`),
}

/** Block content as elements (paragraphs, or a pre for code). */
export function blockHast(markdown: string, kind: string): ElementContent[] {
  if (kind === 'code') return [h('pre', h('code', markdown))]
  const labels = new Set([...markdown.matchAll(/\[\^([^\]\s]+)\]/g)].map((m) => m[1]!))
  const stubs = [...labels].map((l) => `[^${l}]: -`).join('\n')
  const tree = parseMarkdown(`${markdown}\n\n${stubs}`)
  tree.children = tree.children.filter((child) => child.type !== 'footnoteDefinition' && child.type !== 'definition')
  const hast = toHast(tree, { handlers: handlers as never, clobberPrefix: '' }) as HastRoot
  // Raw HTML at block level (a text starting with "<script>") comes back as text: keep it, in a paragraph.
  return hast.children.flatMap((node): Element[] => {
    if (node.type === 'element') return [node]
    if (node.type === 'text' && node.value.trim() !== '') return [h('p', node.value)]
    return []
  })
}

/**
 * blockHast with a memory, for the source language's side: every review page of a build shows the same source
 * texts, so each is parsed once. The elements are shared between pages: serialisation copies, nothing changes them.
 */
export function memoBlockHast(): typeof blockHast {
  const memo = new Map<string, ElementContent[]>()
  return (markdown, kind) => {
    const key = `${kind}\0${markdown}`
    let found = memo.get(key)
    if (!found) memo.set(key, (found = blockHast(markdown, kind)))
    return found
  }
}
