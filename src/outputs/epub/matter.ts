/** The title page and the colophon of an EPUB edition. */
import type { Element } from 'hast'
import { h } from 'hastscript'
import type { EditionModel } from '../../edition/model.ts'

export const TITLE_FILE = 'title.xhtml'
export const COLOPHON_FILE = 'colophon.xhtml'

export function titlePageBody(edition: EditionModel): Element[] {
  const { meta, localizer: l } = edition
  return [
    h('section.titlepage', { 'epub:type': 'titlepage', ariaLabel: l.t('titlePage') }, [
      h('p.issuer', meta.issuer),
      h('h1.title', meta.title),
      meta.subtitle ? h('p.subtitle', meta.subtitle) : undefined,
      h('p.date', meta.date),
      h('p.publisher', l.t('publishedBy', { publisher: meta.publisher })),
    ]),
  ]
}

/** `lines` are the colophon paragraphs of src/outputs/colophon.ts (translation status, build). */
export function colophonBody(edition: EditionModel, lines: Element[]): Element[] {
  return [
    h('section.colophon', { 'epub:type': 'colophon', role: 'doc-colophon', ariaLabelledBy: 'pp-colophon-title' }, [
      h('h2#pp-colophon-title', edition.localizer.t('colophon')),
      ...lines,
    ]),
  ]
}
