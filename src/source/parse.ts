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
  if (isPlainLine(text)) return plainParagraph(text)
  return processor.runSync(processor.parse(text)) as Root
}

/**
 * Whether `text` is one line of prose with nothing Markdown or GFM reads as syntax: it starts with a letter (no
 * heading, list, quote, code or thematic break), has no control character or line break, no space at either end, no
 * character that opens inline syntax (escapes, code, emphasis, links, images, footnotes, HTML, entities,
 * strikethrough, tables) and no autolink literal (www., ://, @, mailto:, xmpp:). Such a text parses as one paragraph
 * holding exactly the text (test/source/plain-line.unit.test.ts compares both on every bundled text and on random
 * ones), so most translated paragraphs skip the parser.
 */
export function isPlainLine(text: string): boolean {
  return /^\p{L}[^\x00-\x1f\x7f\\`*_[\]<>!&~|]*$/u.test(text) && text === text.trim() && !/www\.|:\/\/|@|mailto:|xmpp:/i.test(text)
}

/** The tree the parser gives for a plain line (isPlainLine): a paragraph of one text node, positions in UTF-16 units. */
function plainParagraph(text: string): Root {
  const position = () => ({ start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: text.length + 1, offset: text.length } })
  return {
    type: 'root',
    children: [{ type: 'paragraph', children: [{ type: 'text', value: text, position: position() }], position: position() }],
    position: position(),
  }
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
