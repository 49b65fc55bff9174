/** Markdown to mdast. One processor, shared by sources, translations, QA and exchange. */
import type { Nodes, Root } from 'mdast'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import { unified } from 'unified'

const processor = unified().use(remarkParse).use(remarkGfm)

const observers = new Set<(text: string) => void>()

/** Watch every Markdown parse (a test counts them: a full build parses each source file once). Returns the unsubscribe. */
export function observeParses(observer: (text: string) => void): () => void {
  observers.add(observer)
  return () => observers.delete(observer)
}

export function parseMarkdown(text: string): Root {
  for (const observer of observers) observer(text)
  return processor.runSync(processor.parse(text)) as Root
}

/** Definitions a block's Markdown may refer to: footnote labels and link references. */
export interface BlockDefinitions {
  footnotes: Iterable<string>
  references?: Iterable<{ label: string; url: string }>
}

/** The footnote labels (`[^1]`) and link references (`[text][ref]`) that `markdown` uses. */
export function definitionsUsedIn(markdown: string): { footnotes: string[]; references: { label: string; url: string }[] } {
  return {
    footnotes: [...new Set([...markdown.matchAll(/\[\^([^\]\s]+)\]/g)].map((m) => m[1]!))],
    references: [...new Set([...markdown.matchAll(/\]\[([^\]]+)\]/g)].map((m) => m[1]!))].map((label) => ({ label, url: '#' })),
  }
}

/** The footnote and link-reference definitions of a whole document (to parse its blocks alone). */
export function definitionsOf(tree: Root): Required<BlockDefinitions> {
  const footnotes: string[] = []
  const references: { label: string; url: string }[] = []
  const visit = (node: Nodes): void => {
    if (node.type === 'footnoteDefinition') footnotes.push(node.label ?? node.identifier)
    else if (node.type === 'definition') references.push({ label: node.label ?? node.identifier, url: node.url })
    if ('children' in node) for (const child of node.children as Nodes[]) visit(child)
  }
  visit(tree)
  return { footnotes, references }
}

/**
 * Parse one block's Markdown on its own (a translation, a unit from a CAT
 * tool). Footnote calls and reference links parse only when their definition
 * exists, so stub definitions are appended after the text: offsets inside the
 * text are unchanged, and callers skip `footnoteDefinition` and `definition`
 * nodes. By default the stubs are what the text itself uses.
 */
export function parseBlockMarkdown(markdown: string, definitions: BlockDefinitions = definitionsUsedIn(markdown)): Root {
  const stubs = [
    ...[...definitions.footnotes].map((label) => `[^${label}]: -`),
    ...[...(definitions.references ?? [])].map(({ label, url }) => `[${label}]: ${url}`),
  ]
  return parseMarkdown(stubs.length > 0 ? `${markdown}\n\n${stubs.join('\n')}` : markdown)
}
