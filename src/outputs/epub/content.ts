/**
 * The edition's content split into XHTML content documents, one per section
 * (the opening text, each numbered thesis, the closing note): reading systems
 * paginate and load smaller files faster, and the table of contents maps one
 * entry to one file.
 *
 * Notes become footnotes: each note is an `<aside epub:type="footnote"
 * role="doc-footnote">` at the end of the section that first refers to it
 * (reading systems show it as a pop-up), and each reference an
 * `<a epub:type="noteref" role="doc-noteref">`; the note links back with
 * `role="doc-backlink"`. Links that cross documents are rewritten to
 * `file.xhtml#id`. Paragraph IDs stay exactly as in the HTML edition.
 */
import type { Element, ElementContent } from 'hast'
import { h } from 'hastscript'
import { visit } from 'unist-util-visit'
import type { Localizer } from '../../i18n/instance.ts'
import type { ContentCopy } from '../../edition/content.ts'

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
  const isNotes = (node: Element): boolean => node.properties.dataFootnotes !== undefined
  const notesSection = content.children.find(isNotes)
  const notes = collectNotes(notesSection)
  const parts = content.children.filter((node) => !isNotes(node))
  const placed = new Set<string>()
  const documents = parts.map((part, index): SectionDocument => {
    const section = asSection(part, localizer)
    const inside = content.headings.filter((hd) => hasId(part, hd.id))
    const heading = inside.find((hd) => hd.level === 1)
    for (const id of noteRefs(section)) {
      const note = notes.get(id)
      if (!note || placed.has(id)) continue
      placed.add(id)
      section.children.push(note)
    }
    return {
      href: `section-${String(index + 1).padStart(2, '0')}.xhtml`,
      label: heading?.text ?? (section.properties.ariaLabel as string),
      anchor: heading?.id,
      subheadings: inside.filter((hd) => hd.level > 1).map(({ id, text }) => ({ id, text })),
      body: [section],
    }
  })
  const unplaced = [...notes].filter(([id]) => !placed.has(id)).map(([, note]) => note)
  if (unplaced.length > 0 && documents.length > 0) (documents.at(-1)!.body[0] as Element).children.push(...unplaced)
  return documents
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

/** Turn the note references into EPUB noterefs; return the note IDs in reading order. */
function noteRefs(section: Element): string[] {
  const ids: string[] = []
  visit(section, 'element', (el: Element) => {
    if (el.tagName !== 'a' || el.properties.dataFootnoteRef === undefined) return
    delete el.properties.dataFootnoteRef
    delete el.properties.ariaDescribedBy
    el.properties['epub:type'] = 'noteref'
    el.properties.role = 'doc-noteref'
    ids.push(String(el.properties.href).slice(1))
  })
  return ids
}

/** The notes list as footnote asides, keyed by their ID (`pp-fn-1`). */
function collectNotes(notesSection: Element | undefined): Map<string, Element> {
  const notes = new Map<string, Element>()
  if (!notesSection) return notes
  visit(notesSection, 'element', (li: Element) => {
    if (li.tagName !== 'li' || typeof li.properties.id !== 'string') return
    const number = li.properties.id.replace(/^pp-fn-/, '')
    const backlinks: Element[] = []
    visit(li, 'element', (el: Element, index, parent) => {
      if (el.tagName !== 'a' || el.properties.dataFootnoteBackref === undefined || !parent || index === undefined) return
      const label = el.properties.ariaLabel
      backlinks.push(h('a', { href: el.properties.href, role: 'doc-backlink', ariaLabel: label, className: ['backlink'] }, number))
      parent.children.splice(index, 1)
      return index
    })
    const blocks = li.children.filter((child): child is Element => child.type === 'element')
    trimTrailingSpace(blocks.at(-1))
    const first = blocks[0]
    if (first && backlinks.length > 0) first.children.unshift(...interleave(backlinks), { type: 'text', value: ' ' })
    notes.set(
      li.properties.id,
      h('aside', { id: li.properties.id, 'epub:type': 'footnote', role: 'doc-footnote', className: ['footnote'] }, blocks),
    )
    return 'skip'
  })
  return notes
}

function interleave(links: Element[]): ElementContent[] {
  return links.flatMap((link, i) => (i === 0 ? [link] : [{ type: 'text' as const, value: ' ' }, link]))
}

function trimTrailingSpace(block: Element | undefined): void {
  const last = block?.children.at(-1)
  if (last?.type === 'text') last.value = last.value.replace(/\s+$/, '')
}
