/**
 * What the checks need from one block's Markdown: footnote references, link
 * targets, the text outside URLs and code, and counts of inline markup.
 * Parsed with the project's one Markdown processor; footnote references
 * resolve through stub definitions, as they do when an edition is built.
 */
import type { Nodes } from 'mdast'
import { parseBlockMarkdown } from '../source/parse.ts'

export interface InlineFacts {
  footnotes: string[]
  /** Link and image URLs, and link-reference identifiers as `[ref]`. */
  links: string[]
  /** Prose: text nodes, without URLs and code. */
  text: string
  /** Text nodes only (for delimiters left unparsed). */
  textNodes: string[]
  /** Count of each inline markup kind (emphasis, strong, delete, inlineCode, link). */
  markup: Record<string, number>
  /** Raw HTML found in the text. */
  html: string[]
  /** The alt text of each image, in order. */
  alts: string[]
}

const cache = new Map<string, InlineFacts>()

export function inlineFacts(markdown: string): InlineFacts {
  const cached = cache.get(markdown)
  if (cached) return cached
  const tree = parseBlockMarkdown(markdown)
  const facts: InlineFacts = { footnotes: [], links: [], text: '', textNodes: [], markup: {}, html: [], alts: [] }
  const prose: string[] = []
  const visit = (node: Nodes): void => {
    switch (node.type) {
      case 'footnoteDefinition':
      case 'definition':
        return
      case 'footnoteReference':
        facts.footnotes.push(node.label ?? node.identifier)
        return
      case 'link':
        facts.links.push(node.url)
        facts.markup.link = (facts.markup.link ?? 0) + 1
        break
      case 'image':
        facts.links.push(node.url)
        prose.push(node.alt ?? '')
        facts.alts.push(node.alt ?? '')
        return
      case 'linkReference':
      case 'imageReference':
        facts.links.push(`[${node.label ?? node.identifier}]`)
        if (node.type === 'imageReference') facts.alts.push(node.alt ?? '')
        break
      case 'text':
        facts.textNodes.push(node.value)
        prose.push(node.value)
        return
      case 'html':
        facts.html.push(node.value)
        return
      case 'inlineCode':
      case 'code':
        facts.markup[node.type] = (facts.markup[node.type] ?? 0) + 1
        return
      case 'emphasis':
      case 'strong':
      case 'delete':
        facts.markup[node.type] = (facts.markup[node.type] ?? 0) + 1
        break
    }
    if ('children' in node) for (const child of node.children as Nodes[]) visit(child)
  }
  visit(tree)
  facts.text = prose
    .join(' ')
    .replace(/\b(?:https?:\/\/|www\.)\S+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
  cache.set(markdown, facts)
  if (cache.size > 2000) cache.delete(cache.keys().next().value!)
  return facts
}

/** Items of `a` not in `b`, counting repeats (multiset difference). */
export function missingFrom<T>(a: readonly T[], b: readonly T[]): T[] {
  const rest = [...b]
  const missing: T[] = []
  for (const item of a) {
    const at = rest.indexOf(item)
    if (at === -1) missing.push(item)
    else rest.splice(at, 1)
  }
  return missing
}
