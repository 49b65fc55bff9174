/**
 * The body content of an edition as hast, built once by one unified processor:
 *
 *   localized mdast → remark-keep-list-paragraphs → remark-inline-html → remark-block-properties
 *   → remark-rehype → rehype-block-ids → rehype-block-flags → rehype-typography → rehype-sections
 *
 * Every block element carries its paragraph ID (`id`, and `data.blockId`),
 * sections are grouped by the publication's top heading level (`#` when its
 * sources use `#`, else `##`; a thematic break opens an unheaded closing
 * section), notes come last. The contents list the headings of `tocDepth`
 * levels from the top one.
 */
import type { Element, ElementContent, Root as HastRoot } from 'hast'
import type { Root as MdastRoot } from 'mdast'
import remarkRehype from 'remark-rehype'
import { unified } from 'unified'
import { visit } from 'unist-util-visit'
import type { Localizer } from '../i18n/instance.ts'
import type { LocalizedEdition } from './localize.ts'
import { remarkKeepListParagraphs } from './plugins/remark-keep-list-paragraphs.ts'
import { remarkInlineHtml } from './plugins/remark-inline-html.ts'
import { remarkBlockProperties } from './plugins/remark-block-properties.ts'
import { rehypeBlockIds } from './plugins/rehype-block-ids.ts'
import { rehypeBlockFlags } from './plugins/rehype-block-flags.ts'
import { rehypeSections } from './plugins/rehype-sections.ts'
import { rehypeTypography } from './plugins/rehype-typography.ts'

export interface ContentOptions {
  /** Language names in the edition's language, for "the English source text". */
  languageName(code: string): string
  /** How many heading levels, from the top one, the contents list (default 2). */
  tocDepth?: number
}

/** A heading listed in the contents: its ID, text and level (1 = a section's own heading). */
export interface ContentHeading {
  readonly id: string
  readonly text: string
  readonly level: number
}

export interface EditionContent {
  /** Sections, then the notes section. */
  readonly children: readonly Element[]
  /** The headings the contents list, in order. */
  readonly headings: readonly ContentHeading[]
}

/** The edition's hast. Reads `edition.tree` without changing it. */
export function editionContent(edition: LocalizedEdition, localizer: Localizer, options: ContentOptions): EditionContent {
  const topLevel = topHeadingLevel(edition.tree)
  const lastLevel = topLevel + (options.tocDepth ?? 2) - 1
  const processor = unified()
    .use(remarkKeepListParagraphs)
    .use(remarkInlineHtml)
    .use(remarkBlockProperties, { language: edition.language })
    .use(remarkRehype, {
      clobberPrefix: 'pp-', // footnote ids in the writers' namespace: pp-fn-1, pp-fnref-1
      footnoteLabel: localizer.t('notes'),
      footnoteLabelTagName: 'h2',
      footnoteLabelProperties: { className: ['notes-title'] },
      footnoteBackLabel: (referenceIndex: number, rereferenceIndex: number) =>
        localizer.t('backToReference', { number: referenceIndex + 1 + (rereferenceIndex > 1 ? `-${rereferenceIndex}` : '') }),
      // "^", not the default "↩": no bundled Latin face has U+21A9, so the browser drew it with a machine font.
      footnoteBackContent: (_referenceIndex: number, rereferenceIndex: number): ElementContent[] => [
        { type: 'text', value: '^' },
        ...(rereferenceIndex > 1
          ? [
              {
                type: 'element' as const,
                tagName: 'sup',
                properties: {},
                children: [{ type: 'text' as const, value: String(rereferenceIndex) }],
              },
            ]
          : []),
      ],
    })
    .use(rehypeBlockIds)
    .use(rehypeBlockFlags, {
      language: edition.language,
      flag: (status, source) =>
        status === 'stale' ? localizer.t('staleTranslation') : localizer.t('missingTranslation', { source: options.languageName(source) }),
    })
    .use(rehypeTypography, { language: edition.language })
    .use(rehypeSections, { closingNoteLabel: localizer.t('closingNote'), level: topLevel })
  const hast = processor.runSync(structuredClone(edition.tree) as MdastRoot) as HastRoot
  visit(hast, 'element', (node: Element) => {
    renameFootnoteLabel(node.properties)
    alignmentAsClass(node)
  })
  const children = hast.children.filter((node): node is Element => node.type === 'element')
  const headings: ContentHeading[] = []
  for (const section of children) {
    visit(section, 'element', (node: Element) => {
      const level = /^h([1-6])$/.exec(node.tagName)?.[1]
      if (level === undefined || Number(level) < topLevel || Number(level) > lastLevel) return
      if (typeof node.properties.id === 'string' && node.properties.id !== 'pp-footnote-label') {
        headings.push({ id: node.properties.id, text: textOf(node), level: Number(level) - topLevel + 1 })
      }
    })
  }
  return { children, headings }
}

/** A writer's own copy of the content, to change as it likes (the edition's stays as it is). */
export interface ContentCopy {
  children: Element[]
  headings: ContentHeading[]
}

/** The smallest heading depth the sources use (`#` → 1); 2 when there is no heading. */
export function topHeadingLevel(tree: MdastRoot): number {
  let top = 7
  visit(tree, 'heading', (node) => {
    top = Math.min(top, node.depth)
  })
  return top === 7 ? 2 : top
}

export function copyContent(content: EditionContent, options: { openDetails?: boolean } = {}): ContentCopy {
  const copy = structuredClone(content) as ContentCopy
  // Paper and e-books show a details box open: a page cannot be clicked, and reading systems differ.
  if (options.openDetails)
    for (const child of copy.children)
      visit(child, 'element', (node: Element) => void (node.tagName === 'details' && (node.properties.open = true)))
  return copy
}

/** A table column's alignment (`| --: |`) as a class: the `align` attribute is obsolete in HTML and refused in EPUB. */
function alignmentAsClass(node: Element): void {
  const align = node.properties.align
  if ((node.tagName !== 'td' && node.tagName !== 'th') || typeof align !== 'string') return
  delete node.properties.align
  node.properties.className = [`align-${align}`]
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
