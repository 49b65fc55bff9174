/**
 * rehype plugin: per-block tools of the HTML edition, a permalink (visible on
 * hover and focus) and links to the same paragraph ID in every other language
 * edition, at the end of every block element (`data.blockId`).
 */
import type { Element, ElementContent, Root } from 'hast'
import { h } from 'hastscript'
import type { Plugin } from 'unified'
import { visit } from 'unist-util-visit'

export interface Alternate {
  language: string
  /** The edition's file relative to this one, without fragment. */
  href: string
  /** Short label (the language code) and full name in that language. */
  label: string
  name: string
}

export interface Options {
  /** The edition's language: the tools are labelled in it. */
  language: string
  /** The permalink's accessible name and title ("Link to this paragraph"). */
  permalinkLabel: string
  /** A language link's accessible name, from the language's name ("This paragraph in Français"). */
  alternateLabel(name: string): string
  /** The other language editions, in order. */
  alternates: readonly Alternate[]
}

export const rehypeBlockTools: Plugin<[Options], Root> = function (options) {
  return (tree) => addBlockTools(tree, options)
}

/** The plugin's work on `tree` (changed in place). */
export function addBlockTools(tree: Root, options: Options): void {
  visit(tree, 'element', (node: Element) => {
    const id = node.data?.blockId
    if (id === undefined) return
    node.children.push(tools(id, options))
    return 'skip'
  })
}

function tools(id: string, options: Options): ElementContent {
  return h('span.pp-tools', { lang: options.language }, [
    h('a.pp-permalink', { href: `#${id}`, ariaLabel: options.permalinkLabel, title: options.permalinkLabel }, '¶'),
    ...options.alternates.map((alternate) =>
      h(
        'a.pp-alt',
        {
          href: `${alternate.href}#${id}`,
          hrefLang: alternate.language,
          lang: alternate.language,
          title: alternate.name,
          ariaLabel: options.alternateLabel(alternate.name),
        },
        alternate.label,
      ),
    ),
  ])
}
