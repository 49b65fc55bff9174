/**
 * The body content of an edition as hast, built once by one unified processor:
 *
 *   localized mdast → remark-keep-list-paragraphs → remark-block-properties
 *   → remark-rehype → rehype-block-ids → rehype-block-flags → rehype-typography
 *   → rehype-sections
 *
 * Every block element carries its paragraph ID (`id`, and `data.blockId`),
 * sections are grouped by level-2 headings (a thematic break opens an unheaded
 * closing section), notes come last.
 */
import type { Element, ElementContent, Root as HastRoot } from 'hast'
import type { Root as MdastRoot } from 'mdast'
import remarkRehype from 'remark-rehype'
import { unified } from 'unified'
import { visit } from 'unist-util-visit'
import type { Localizer } from '../i18n/instance.ts'
import type { LocalizedEdition } from './localize.ts'
import { remarkKeepListParagraphs } from './plugins/remark-keep-list-paragraphs.ts'
import { remarkBlockProperties } from './plugins/remark-block-properties.ts'
import { rehypeBlockIds } from './plugins/rehype-block-ids.ts'
import { rehypeBlockFlags } from './plugins/rehype-block-flags.ts'
import { rehypeSections } from './plugins/rehype-sections.ts'
import { rehypeTypography } from './plugins/rehype-typography.ts'

export interface ContentOptions {
  /** Language names in the edition's language, for "the English source text". */
  languageName(code: string): string
}

export interface EditionContent {
  /** Sections, then the notes section. */
  readonly children: readonly Element[]
  /** Level-2 headings in order, for the table of contents and bookmarks. */
  readonly headings: readonly { readonly id: string; readonly text: string }[]
}

/** The edition's hast. Reads `edition.tree` without changing it. */
export function editionContent(edition: LocalizedEdition, localizer: Localizer, options: ContentOptions): EditionContent {
  const processor = unified()
    .use(remarkKeepListParagraphs)
    .use(remarkBlockProperties, { language: edition.language })
    .use(remarkRehype, {
      clobberPrefix: 'pp-', // footnote ids in the writers' namespace: pp-fn-1, pp-fnref-1
      footnoteLabel: localizer.t('notes'),
      footnoteLabelTagName: 'h2',
      footnoteLabelProperties: { className: ['notes-title'] },
      footnoteBackLabel: (referenceIndex: number, rereferenceIndex: number) =>
        localizer.t('backToReference', { number: referenceIndex + 1 + (rereferenceIndex > 1 ? `-${rereferenceIndex}` : '') }),
    })
    .use(rehypeBlockIds)
    .use(rehypeBlockFlags, {
      language: edition.language,
      flag: (status, source) =>
        status === 'stale' ? localizer.t('staleTranslation') : localizer.t('missingTranslation', { source: options.languageName(source) }),
    })
    .use(rehypeTypography, { language: edition.language })
    .use(rehypeSections, { closingNoteLabel: localizer.t('closingNote') })
  const hast = processor.runSync(structuredClone(edition.tree) as MdastRoot) as HastRoot
  visit(hast, 'element', (node: Element) => renameFootnoteLabel(node.properties))
  const children = hast.children.filter((node): node is Element => node.type === 'element')
  const headings: { id: string; text: string }[] = []
  for (const section of children) {
    visit(section, 'element', (node: Element) => {
      if (node.tagName === 'h2' && typeof node.properties.id === 'string' && node.properties.id !== 'pp-footnote-label') {
        headings.push({ id: node.properties.id, text: textOf(node) })
      }
    })
  }
  return { children, headings }
}

/** A writer's own copy of the content, to change as it likes (the edition's stays as it is). */
export interface ContentCopy {
  children: Element[]
  headings: { id: string; text: string }[]
}

export function copyContent(content: EditionContent): ContentCopy {
  return structuredClone(content) as ContentCopy
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
