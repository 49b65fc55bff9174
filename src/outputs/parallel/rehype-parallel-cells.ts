/**
 * rehype plugin: the edition's content as the cells of a parallel text. The
 * tree's children (sections, then the notes section) are replaced by one
 * element per paragraph ID, in reading order, each with its `data.blockId`:
 * the blocks (their `id` removed, as the row carries it; list items and table
 * cells as paragraphs), then the notes (`div.pp-note`, numbered, without their
 * back links). Note references in the blocks point at the note's row.
 */
import type { Element, Root } from 'hast'
import { h } from 'hastscript'
import type { Plugin } from 'unified'
import { visit } from 'unist-util-visit'
import { removeBackrefs } from '../pdf/rehype-print-notes.ts'

export interface Options {
  /**
   * Heading levels to add (capped at h6): language b's headings are one level lower, so each bookmark of language
   * a holds its translation as a child. Default 0.
   */
  demote?: number
}

/** Whether a cell is a note (else a block). */
export const isNoteCell = (cell: Element): boolean => cell.tagName === 'div' && String(cell.properties.className) === 'pp-note'

export const rehypeParallelCells: Plugin<[Options?], Root> = function (options = {}) {
  const demote = options.demote ?? 0
  return (tree) => {
    const blocks: Element[] = []
    const notes: Element[] = []
    const noteRow = new Map<string, string>()
    for (const unit of tree.children) {
      if (unit.type !== 'element') continue
      const isNotes = ((unit.properties.className as string[] | undefined) ?? []).includes('notes')
      if (isNotes) {
        let number = 0
        visit(unit, 'element', (item: Element) => {
          if (item.tagName !== 'li') return undefined
          number++
          const paragraphs = item.children.filter((c): c is Element => c.type === 'element')
          const first = paragraphs.find((p) => p.data?.blockId !== undefined)
          if (!first) return 'skip'
          const id = first.data!.blockId!
          noteRow.set(String(item.properties.id), id)
          paragraphs.forEach(removeBackrefs)
          paragraphs[0]!.children.unshift(h('span.pp-note-num', String(number)))
          for (const p of paragraphs) delete p.properties.id
          const note = h('div.pp-note', paragraphs)
          note.data = { blockId: id } as Element['data']
          notes.push(note)
          return 'skip'
        })
        continue
      }
      visit(unit, 'element', (node: Element) => {
        const id = node.data?.blockId
        if (id === undefined) return undefined
        delete node.properties.id
        const level = /^h([1-6])$/.exec(node.tagName)
        if (level) node.tagName = `h${Math.min(6, Number(level[1]) + demote)}`
        blocks.push(/^(li|td|th)$/.test(node.tagName) ? { ...node, tagName: 'p' } : node)
        return 'skip'
      })
    }
    for (const block of blocks) {
      visit(block, 'element', (node: Element) => {
        if (node.tagName !== 'a' || node.properties.dataFootnoteRef === undefined) return
        delete node.properties.id
        const target = noteRow.get(String(node.properties.href).slice(1))
        if (target) node.properties.href = `#${target}`
      })
    }
    tree.children = [...blocks, ...notes]
  }
}
