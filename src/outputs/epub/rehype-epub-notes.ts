/**
 * rehype plugin: notes as EPUB footnotes. The tree's children are the
 * edition's parts (sections, then the notes section that remark-rehype makes);
 * each note becomes an `<aside epub:type="footnote" role="doc-footnote">` at the
 * end of the part that first refers to it (reading systems show it as a
 * pop-up), each reference an `<a epub:type="noteref" role="doc-noteref">`, and
 * the note links back with `role="doc-backlink"`. Notes nobody refers to go to
 * the last part; the notes section goes away.
 */
import type { Element, ElementContent, Root } from 'hast'
import { h } from 'hastscript'
import type { Plugin } from 'unified'
import { visit } from 'unist-util-visit'

/** The plugin has no options: notes, references and backlinks are marked as EPUB 3 and DPUB-ARIA name them. */
export type Options = Record<string, never>

export const rehypeEpubNotes: Plugin<[Options?], Root> = function () {
  return (tree) => {
    const isNotes = (node: Root['children'][number]): boolean => node.type === 'element' && node.properties.dataFootnotes !== undefined
    const notesSection = tree.children.find(isNotes) as Element | undefined
    const notes = collectNotes(notesSection)
    const parts = tree.children.filter((node): node is Element => node.type === 'element' && !isNotes(node))
    const placed = new Set<string>()
    for (const part of parts) {
      const ids = noteRefs(part)
      for (const id of ids) {
        const note = notes.get(id)
        if (!note || placed.has(id)) continue
        placed.add(id)
        part.children.push(note)
      }
    }
    const unplaced = [...notes].filter(([id]) => !placed.has(id)).map(([, note]) => note)
    if (unplaced.length > 0 && parts.length > 0) parts.at(-1)!.children.push(...unplaced)
    tree.children = tree.children.filter((node) => !isNotes(node))
  }
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
