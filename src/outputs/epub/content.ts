/**
 * The edition's content split into XHTML content documents, one per section
 * (the opening text, each numbered thesis, the closing note): reading systems
 * paginate and load smaller files faster, and the table of contents maps one
 * entry to one file.
 *
 * Notes become footnotes at the end of the section that first refers to them
 * (rehype-epub-notes.ts). Links that cross documents are rewritten to
 * `file.xhtml#id`. Paragraph IDs stay exactly as in the HTML edition.
 */
import type { Element } from 'hast'
import { h } from 'hastscript'
import { unified } from 'unified'
import { visit } from 'unist-util-visit'
import type { Localizer } from '../../i18n/instance.ts'
import type { ContentCopy } from '../../edition/content.ts'
import { rehypeEpubNotes } from './rehype-epub-notes.ts'

export interface SectionDocument {
  /** File name inside the EPUB's content folder. */
  href: string
  /** Entry in the table of contents. */
  label: string
  /** The section heading's ID, when it has one. */
  anchor?: string
  /** The deeper headings of the section the contents list (`toc.depth`). */
  subheadings: { id: string; text: string }[]
  body: Element[]
}

export function sectionDocuments(content: ContentCopy, localizer: Localizer): SectionDocument[] {
  const parts = content.children.filter((node) => node.properties.dataFootnotes === undefined)
  const inside = parts.map((part) => content.headings.filter((hd) => hasId(part, hd.id)))
  unified().use(rehypeEpubNotes).runSync({ type: 'root', children: content.children })
  return parts.map((part, index): SectionDocument => {
    const section = asSection(part, localizer)
    const heading = inside[index]!.find((hd) => hd.level === 1)
    return {
      href: `section-${String(index + 1).padStart(2, '0')}.xhtml`,
      label: heading?.text ?? (section.properties.ariaLabel as string),
      anchor: heading?.id,
      subheadings: inside[index]!.filter((hd) => hd.level > 1).map(({ id, text }) => ({ id, text })),
      body: [section],
    }
  })
}

/** Rewrite `#id` links whose target lives in another document to `file.xhtml#id`. */
export function linkAcrossDocuments(documents: { href: string; body: Element[] }[]): Map<string, string> {
  const fileOf = new Map<string, string>()
  for (const document of documents) {
    for (const node of document.body) {
      visit(node, 'element', (el: Element) => {
        if (typeof el.properties.id === 'string') fileOf.set(el.properties.id, document.href)
      })
    }
  }
  for (const document of documents) {
    for (const node of document.body) {
      visit(node, 'element', (el: Element) => {
        const href = el.properties.href
        if (el.tagName !== 'a' || typeof href !== 'string' || !href.startsWith('#')) return
        const file = fileOf.get(href.slice(1))
        if (file && file !== document.href) el.properties.href = file + href
      })
    }
  }
  return fileOf
}

function hasId(tree: Element, id: string): boolean {
  let found = false
  visit(tree, 'element', (el: Element) => {
    if (el.properties.id === id) found = true
  })
  return found
}

/** The preamble, a thesis or the closing note as a `<section>` with EPUB and ARIA semantics. */
function asSection(part: Element, localizer: Localizer): Element {
  const classes = (part.properties.className as string[] | undefined) ?? []
  if (classes.includes('preamble')) {
    return h('section', { className: ['preamble'], ariaLabel: localizer.t('introduction') }, part.children)
  }
  if (classes.includes('closing-note')) {
    return h(
      'section',
      { className: ['closing-note'], 'epub:type': 'conclusion', role: 'doc-conclusion', ariaLabel: localizer.t('closingNote') },
      part.children,
    )
  }
  return h('section', { ...part.properties, 'epub:type': 'chapter', role: 'doc-chapter' }, part.children)
}
