/**
 * The EPUB navigation document: the table of contents (one entry per content
 * document, pointing at the section heading when there is one) and the
 * landmarks reading systems use for "go to start", "contents" and so on.
 */
import { h } from 'hastscript'
import { xhtmlDocument } from './xhtml.ts'

export const NAV_FILE = 'nav.xhtml'

export interface NavEntry {
  href: string
  label: string
  /** Entries nested under this one (a chapter's sections). */
  children?: NavEntry[]
}

function navItem(entry: NavEntry): ReturnType<typeof h> {
  const link = h('a', { href: entry.href }, entry.label)
  return entry.children?.length ? h('li', [link, h('ol', entry.children.map(navItem))]) : h('li', link)
}

export type LandmarkType = 'titlepage' | 'toc' | 'bodymatter' | 'colophon'

export interface NavInput {
  language: string
  dir: 'ltr' | 'rtl'
  stylesheet: string
  contentsTitle: string
  landmarksTitle: string
  entries: NavEntry[]
  landmarks: (NavEntry & { type: LandmarkType })[]
}

export function navDocument(input: NavInput): string {
  return xhtmlDocument({
    language: input.language,
    dir: input.dir,
    title: input.contentsTitle,
    stylesheet: input.stylesheet,
    body: [
      h('nav#pp-toc', { 'epub:type': 'toc', role: 'doc-toc', ariaLabelledBy: 'pp-toc-title' }, [
        h('h1#pp-toc-title', input.contentsTitle),
        h('ol', input.entries.map(navItem)),
      ]),
      // Listed for reading systems; hidden from the page by the stylesheet.
      h('nav#pp-landmarks.landmarks', { 'epub:type': 'landmarks', ariaLabelledBy: 'pp-landmarks-title' }, [
        h('h2#pp-landmarks-title', input.landmarksTitle),
        h(
          'ol',
          input.landmarks.map((landmark) => h('li', h('a', { 'epub:type': landmark.type, href: landmark.href }, landmark.label))),
        ),
      ]),
    ],
  })
}
