/**
 * rehype plugin: footnotes for the page, taken out of the flow. The tree's
 * children are the edition's parts (sections, then the notes section); each
 * note somebody refers to becomes a `.pp-note` (id = the footnote id the
 * reference links to) holding its paragraph(s), a complementary region (tagged
 * Aside by Chromium, Note by postprocess.ts), numbered and linking back to its
 * reference, and goes into `div#pp-note-source`, the tree's last child, from
 * which src/outputs/pdf/paginator.js places it at the foot of the page that
 * carries the reference. Notes nobody refers to stay in the flow, in the notes
 * section, which moves to the end of the flow.
 */
import type { Element, Root } from 'hast'
import { h } from 'hastscript'
import type { Plugin } from 'unified'
import { visit } from 'unist-util-visit'
import { textOf } from '../../edition/content.ts'

export interface Options {
  /** The word that names a note, in the edition's language ("Notes"): each note's accessible name is `${label} ${number}`. */
  label: string
}

export const rehypePrintNotes: Plugin<[Options], Root> = function (options) {
  return (tree) => {
    const children = tree.children.filter((child): child is Element => child.type === 'element')
    const { flow, notes } = splitNotes(children, options.label)
    tree.children = [...flow, h('div#pp-note-source', notes)]
  }
}

const isNotes = (child: Element): boolean => ((child.properties.className as string[] | undefined) ?? []).includes('notes')

function splitNotes(children: Element[], label: string): { flow: Element[]; notes: Element[] } {
  const referenced = new Set<string>()
  const flow = children.filter((child) => !isNotes(child))
  for (const unit of flow) {
    visit(unit, 'element', (node: Element) => {
      if (node.tagName === 'a' && node.properties.dataFootnoteRef !== undefined) referenced.add(String(node.properties.href).slice(1))
    })
  }
  const section = children.find(isNotes)
  const notes: Element[] = []
  const ol = section?.children.find((c): c is Element => c.type === 'element' && c.tagName === 'ol')
  if (ol) {
    let number = 0
    for (const item of ol.children.filter((c): c is Element => c.type === 'element' && c.tagName === 'li')) {
      number++
      const id = String(item.properties.id)
      if (!referenced.has(id)) continue
      ol.children.splice(ol.children.indexOf(item), 1)
      const paragraphs = item.children.filter((c): c is Element => c.type === 'element')
      for (const p of paragraphs) {
        removeBackrefs(p)
        isolateAddresses(p)
      }
      const first = paragraphs[0]
      if (first) first.children.unshift(h('a.pp-note-num', { href: `#pp-fnref-${id.replace(/^pp-fn-/, '')}` }, h('bdi', String(number))))
      notes.push(h('div.pp-note', { id, role: 'complementary', ariaLabel: `${label} ${number}` }, paragraphs))
    }
    const rest = ol.children.some((c) => c.type === 'element')
    if (rest && section) flow.push(section)
  }
  return { flow, notes }
}

/**
 * Links that show a web address are set left to right and isolated (`dir="ltr"`), so that in a
 * right-to-left note the address keeps its slashes in place and does not run into the note number.
 */
function isolateAddresses(node: Element): void {
  visit(node, 'element', (el: Element) => {
    if (el.tagName === 'a' && /^[a-z][a-z0-9+.-]*:\/\//i.test(textOf(el))) el.properties.dir = 'ltr'
  })
}

/** Remove a note's links back to its references (paper cannot follow them), and the space they leave. */
export function removeBackrefs(node: Element): void {
  node.children = node.children.filter((c) => !(c.type === 'element' && c.properties.dataFootnoteBackref !== undefined))
  const last = node.children.at(-1)
  if (last?.type === 'text') last.value = last.value.replace(/\s+$/, '')
  for (const child of node.children) if (child.type === 'element') removeBackrefs(child)
}
