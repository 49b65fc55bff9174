/**
 * The body content of an edition as hast: every block element carries its
 * paragraph ID, sections are grouped by level-2 headings (a thematic break
 * opens an unheaded closing section), notes come last.
 */
import type { Element, ElementContent, Root as HastRoot } from 'hast'
import type { List, Nodes as MdastNodes, Root as MdastRoot } from 'mdast'
import { toHast } from 'mdast-util-to-hast'
import { visit } from 'unist-util-visit'
import type { Localizer } from '../i18n/instance.ts'
import type { BlockData, LocalizedEdition } from './localize.ts'

export interface ContentOptions {
  /** Language names in the edition's language, for "the English source text". */
  languageName(code: string): string
}

export interface EditionContent {
  /** Sections, then the notes section. */
  children: Element[]
  /** Level-2 headings in order, for the table of contents and bookmarks. */
  headings: { id: string; text: string }[]
}

export function editionContent(edition: LocalizedEdition, localizer: Localizer, options: ContentOptions): EditionContent {
  markBlocks(edition, localizer, options)
  const hast = toHast(edition.tree, {
    clobberPrefix: 'pp-', // footnote ids in the writers' namespace: pp-fn-1, pp-fnref-1
    footnoteLabel: localizer.t('notes'),
    footnoteLabelTagName: 'h2',
    footnoteLabelProperties: { className: ['notes-title'] },
    footnoteBackLabel: (referenceIndex: number, rereferenceIndex: number) =>
      localizer.t('backToReference', { number: referenceIndex + 1 + (rereferenceIndex > 1 ? `-${rereferenceIndex}` : '') }),
  }) as HastRoot
  visit(hast, 'element', (node: Element) => renameFootnoteLabel(node.properties))
  const children = groupSections(
    hast.children.filter((node): node is Element => node.type === 'element'),
    localizer,
  )
  const headings: EditionContent['headings'] = []
  for (const section of children) {
    visit(section, 'element', (node: Element) => {
      if (node.tagName === 'h2' && typeof node.properties.id === 'string' && node.properties.id !== 'pp-footnote-label') {
        headings.push({ id: node.properties.id, text: textOf(node) })
      }
    })
  }
  return { children, headings }
}

/** Put each block's ID, status and language on its mdast node, for toHast. */
function markBlocks(edition: LocalizedEdition, localizer: Localizer, options: ContentOptions): void {
  keepListParagraphs(edition.tree)
  for (const { block } of edition.blocks) {
    const data = block.node.data as (BlockData & { hProperties?: Record<string, unknown> }) | undefined
    if (!data) continue
    const properties: Record<string, unknown> = { id: data.blockId }
    if (data.blockStatus === 'fallback' || data.blockStatus === 'stale') {
      properties.className = [`pp-${data.blockStatus}`]
      properties.dataStatus = data.blockStatus
      const flag =
        data.blockStatus === 'stale'
          ? localizer.t('staleTranslation')
          : localizer.t('missingTranslation', { source: options.languageName(data.blockLanguage) })
      properties.dataFlag = flag
    }
    if (data.blockLanguage !== edition.language) properties.lang = data.blockLanguage
    data.hProperties = properties
  }
}

/**
 * toHast unwraps the paragraphs of a tight list into their `<li>`, and a
 * paragraph's ID would go with it: render every list loose (a `<p>` per
 * paragraph), and mark lists that were tight so that stylesheets keep them tight.
 */
function keepListParagraphs(tree: MdastRoot): void {
  visit(tree, 'list', (list: List) => {
    const tight = !list.spread && list.children.every((item) => !item.spread)
    if (tight) list.data = { ...list.data, hProperties: { ...(list.data?.hProperties ?? {}), className: ['tight'] } }
    list.spread = true
  })
}

function groupSections(nodes: Element[], localizer: Localizer): Element[] {
  const out: Element[] = []
  let current: Element | undefined
  const open = (properties: Record<string, string | string[]>): Element => {
    current = { type: 'element', tagName: 'section', properties, children: [] }
    out.push(current)
    return current
  }
  const openPreamble = (): Element => {
    current = { type: 'element', tagName: 'div', properties: { className: ['preamble'] }, children: [] }
    out.push(current)
    return current
  }
  for (const node of nodes) {
    if (node.tagName === 'section' && node.properties.dataFootnotes !== undefined) {
      node.properties.className = ['notes']
      node.properties.ariaLabelledBy = ['pp-footnote-label']
      out.push(node)
      current = undefined
    } else if (node.tagName === 'h2') {
      open({ className: ['thesis'], ariaLabelledBy: String(node.properties.id) }).children.push(node)
    } else if (node.tagName === 'hr') {
      open({ className: ['closing-note'], ariaLabel: localizer.t('closingNote') })
    } else {
      ;(current ?? openPreamble()).children.push(node as ElementContent)
    }
  }
  return out
}

/** mdast-util-to-hast names the notes heading `footnote-label` whatever the prefix: move it into the writers' namespace. */
function renameFootnoteLabel(properties: Element['properties']): void {
  if (properties.id === 'footnote-label') properties.id = 'pp-footnote-label'
  if (properties.dataFootnoteRef !== undefined) properties.ariaDescribedBy = ['pp-footnote-label']
}

export function textOf(node: ElementContent | HastRoot): string {
  if (node.type === 'text') return node.value
  if ('children' in node) return (node.children as ElementContent[]).map(textOf).join('')
  return ''
}

export type { MdastNodes }
