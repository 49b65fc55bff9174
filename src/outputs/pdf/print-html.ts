/**
 * The print HTML of one language edition, before pagination: a hidden source
 * flow (title page, contents, the text, colophon) that src/outputs/pdf/paginator.js
 * pours into page boxes, and the footnotes it places at the foot of the page
 * carrying their reference.
 *
 * Flow units carry `data-pp-section` (the running head's key) and, when they
 * open a new page, `data-pp-break`.
 */
import { dirname } from 'node:path'
import type { Element, Root } from 'hast'
import { h } from 'hastscript'
import { serializeHtml } from '../serialize.ts'
import { visit } from 'unist-util-visit'
import type { EditionModel } from '../../edition/model.ts'
import { colophon, type BuildIdentity } from '../colophon.ts'
import { facesFor, fontFaceCss } from '../fonts.ts'
import { printFaces } from './print-fonts.ts'
import { facesOfLanguages, familyList, fontStackCss, languageFonts, type FontSettings } from '../font-registry.ts'
import { copyContent, textOf } from '../../edition/content.ts'
import { typesetTree } from '../../edition/plugins/rehype-typography.ts'
import { typeset } from '../../edition/typography/typeset.ts'
import { pageCss, runningHeadProbeCss, runningHeadProbes, type PageGeometry } from './page-css.ts'
import { folderUrl } from './resources.ts'
import { hyphenateTree, justificationCss } from '../hyphenation.ts'

export interface PrintInput {
  edition: EditionModel
  sourceLanguage: string
  identity: BuildIdentity
  geometry: PageGeometry
  /** templates/pdf.css */
  css: string
  /** The publication's fonts (registry settings). */
  fonts: FontSettings
}

export interface PrintDocument {
  html: string
  /** The files the page loads (fonts): URL at the fake origin → local path (src/outputs/pdf/resources.ts). */
  files: Map<string, string>
  /** Ids of the headings listed in the table of contents, in order. */
  tocIds: string[]
  /** Every paragraph ID in the edition (each must become a named destination). */
  blockIds: string[]
  /** Files the page loads beside it, by the relative URL it uses (the edition's images). */
  resources: readonly { name: string; bytes: Uint8Array }[]
}

/** The bundled faces for a language, its own script first (a CSS font-family value). */
export const fontStack = (settings: FontSettings, language: string): string => familyList(languageFonts(settings, language).families)

export function printDocument(input: PrintInput): PrintDocument {
  const { edition, identity } = input
  const l = edition.localizer
  const meta = edition.meta
  const content = copyContent(edition.content, { openDetails: true })
  const ids = collectBlockIds(content.children)
  const { flow, notes } = splitNotes(content.children, l.t('notes'))

  const sections = new Map<string, string>([
    ['toc', l.t('contents')],
    ['pre', typeset(meta.title, edition.language)],
    ['close', typeset(meta.title, edition.language)],
    ['colophon', l.t('colophon')],
  ])
  let thesis = 0
  for (const unit of flow) {
    const classes = (unit.properties.className as string[] | undefined) ?? []
    if (classes.includes('thesis')) {
      const key = `s${++thesis}`
      const heading = content.headings.find((hd) => hd.id === String(unit.properties.ariaLabelledBy))
      sections.set(key, heading?.text ?? typeset(meta.title, edition.language))
      mark(unit, key, true)
    } else if (classes.includes('preamble')) mark(unit, 'pre', true)
    else if (classes.includes('notes')) mark(unit, 'close', true)
    else mark(unit, 'close', false)
  }

  const tocEntries = [...content.headings, { id: 'pp-colophon-title', text: l.t('colophon') }]
  const status = edition.isSource
    ? l.t('sourceLanguageEdition')
    : l.t('translationStatus', { status: l.t(`reviewStatus_${edition.translation?.data.meta.review ?? 'unreviewed'}`) })
  const titlePage = h('section.pp-title-page', { dataPpBreak: '', dataPpSection: 'title', ariaLabel: l.t('titlePage') }, [
    h('h1', meta.title),
    meta.subtitle ? h('p.pp-subtitle', meta.subtitle) : undefined,
    h('p.pp-issuer', meta.issuer),
    h('p.pp-date', meta.date),
    h('p.pp-language', edition.languageName(edition.language)),
    h(
      'p.pp-status',
      edition.isSource ? status : [status, ' ', l.t('workingTranslation', { source: edition.languageName(input.sourceLanguage) })],
    ),
  ])
  const toc = h('nav.pp-toc', { dataPpBreak: '', dataPpSection: 'toc', ariaLabelledBy: 'pp-toc-title' }, [
    h('h2#pp-toc-title', l.t('contents')),
    h(
      'ol',
      tocEntries.map((entry) =>
        h(
          'li',
          'level' in entry && entry.level > 1 ? { className: [`pp-toc-level-${entry.level}`] } : {},
          h('a', { href: `#${entry.id}` }, [
            h('span.pp-toc-text', entry.text),
            h('span.pp-leader', { ariaHidden: 'true' }),
            h('span.pp-toc-page', { dataFor: entry.id }),
          ]),
        ),
      ),
    ),
  ])
  const colophonUnit = h('section.pp-colophon', { dataPpBreak: '', dataPpSection: 'colophon', ariaLabelledBy: 'pp-colophon-title' }, [
    h('h2#pp-colophon-title', l.t('colophon')),
    h('p', [meta.title, ' — ', meta.issuer, ', ', meta.date, '.']),
    h('p', l.t('publishedBy', { publisher: meta.publisher })),
    ...colophon(edition, input.sourceLanguage, identity),
    h(
      'div.pp-dests',
      { ariaHidden: 'true' },
      ids.map((id) => h('a', { href: `#${id}`, tabIndex: -1 })),
    ),
  ])

  for (const unit of [titlePage, toc, colophonUnit]) typesetTree(unit, edition.language)
  for (const unit of flow) hyphenateTree(unit, edition.language)
  const faces = facesFor(
    textOf({ type: 'root', children: [titlePage, toc, ...flow, ...notes, colophonUnit] }) +
      [...sections.values()].join('') +
      l.t('pageOf') +
      '0123456789…',
    printFaces(facesOfLanguages(input.fonts, [edition.language, input.sourceLanguage])),
  )
  const fontCss = faces.map((face) => fontFaceCss([face], folderUrl(dirname(face.path)))).join('\n')
  const family = fontStack(input.fonts, edition.language)
  const heads = {
    dir: edition.dir,
    fontFamily: family,
    title: typeset(meta.title, edition.language),
    sections,
    pageOf: l.t('pageOf'),
    language: edition.language,
  }
  const css = [
    fontCss,
    input.css,
    fontStackCss(input.fonts, [input.sourceLanguage, edition.language]),
    justificationCss([input.sourceLanguage, edition.language]),
    pageCss(input.geometry, heads),
    runningHeadProbeCss(heads),
  ].join('\n')

  const tree: Root = {
    type: 'root',
    children: [
      { type: 'doctype' },
      h('html', { lang: edition.language, dir: edition.dir }, [
        h('head', [
          h('meta', { charSet: 'utf-8' }),
          h('title', meta.title),
          h('meta', { name: 'author', content: meta.issuer }),
          meta.description ? h('meta', { name: 'description', content: meta.description }) : undefined,
          meta.keywords?.length ? h('meta', { name: 'keywords', content: meta.keywords.join(', ') }) : undefined,
          h('style', css),
        ]),
        h('body', [
          h('div#pp-source', [titlePage, toc, ...flow, colophonUnit]),
          h('div#pp-note-source', notes),
          h('div#pp-pages'),
          runningHeadProbes(heads),
        ]),
      ]),
    ],
  }
  return {
    html: serializeHtml(tree, { styles: [css] }) + '\n',
    files: new Map(faces.map((f) => [folderUrl(dirname(f.path)) + f.fileName, f.path])),
    tocIds: tocEntries.map((e) => e.id),
    blockIds: ids,
    resources: edition.images,
  }
}

function mark(unit: Element, section: string, opensPage: boolean): void {
  unit.properties.dataPpSection = section
  if (opensPage) unit.properties.dataPpBreak = ''
}

/**
 * Take the footnotes out of the flow: each becomes a `.pp-note` (id = the
 * footnote id the reference links to) holding its paragraph(s), a
 * complementary region (tagged Aside by Chromium, Note by postprocess.ts). Notes nobody
 * references stay in the flow, in the notes section.
 */
function splitNotes(children: Element[], label: string): { flow: Element[]; notes: Element[] } {
  const referenced = new Set<string>()
  const flow = children.filter((child) => !(child.properties.className as string[] | undefined)?.includes('notes'))
  for (const unit of flow) {
    visit(unit, 'element', (node: Element) => {
      if (node.tagName === 'a' && node.properties.dataFootnoteRef !== undefined) referenced.add(String(node.properties.href).slice(1))
    })
  }
  const section = children.find((child) => (child.properties.className as string[] | undefined)?.includes('notes'))
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

export function removeBackrefs(node: Element): void {
  node.children = node.children.filter((c) => !(c.type === 'element' && c.properties.dataFootnoteBackref !== undefined))
  const last = node.children.at(-1)
  if (last?.type === 'text') last.value = last.value.replace(/\s+$/, '')
  for (const child of node.children) if (child.type === 'element') removeBackrefs(child)
}

function collectBlockIds(children: Element[]): string[] {
  const ids: string[] = []
  for (const child of children) {
    visit(child, 'element', (node: Element) => {
      if (node.data?.blockId !== undefined) ids.push(node.data.blockId)
    })
  }
  return ids
}
