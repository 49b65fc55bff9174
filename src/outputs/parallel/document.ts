/**
 * The print HTML of a parallel-text edition (language a beside language b),
 * in the shape src/outputs/pdf/paginator.js pours into pages: one row per paragraph
 * ID (`div.pp-row#<id>`, `data-pp-row`), a cell per language with its own
 * `lang`, `dir` and fonts. The paginator keeps each row's cells level and,
 * when a row does not fit, cuts every cell at a line and continues both on
 * the next page.
 *
 * Footnotes are rows too, at the end ("Notes"), each note's row beside its
 * translation: at the foot of the page the two columns would need notes of
 * different heights for the same references, and a note continued on the next
 * page would break the one-row-per-ID alignment. References link to the row.
 */
import { dirname } from 'node:path'
import type { Element, ElementContent, Root } from 'hast'
import { h } from 'hastscript'
import { serializeHtml } from '../serialize.ts'
import { unified } from 'unified'
import { visit } from 'unist-util-visit'
import type { EditionModel } from '../../edition/model.ts'
import { colophon, type BuildIdentity } from '../colophon.ts'
import { facesFor, fontFaceCss } from '../fonts.ts'
import { printFaces } from '../pdf/print-fonts.ts'
import { copyContent, textOf } from '../../edition/content.ts'
import { pageCss, runningHeadProbeCss, runningHeadProbes, type PageGeometry } from '../pdf/page-css.ts'
import { folderUrl } from '../pdf/resources.ts'
import { facesOfLanguages, fontStackCss, type FontSettings } from '../font-registry.ts'
import { fontStack, type PrintDocument } from '../pdf/print-html.ts'
import { isNoteCell, rehypeParallelCells } from './rehype-parallel-cells.ts'
import { justificationCss } from '../hyphenation.ts'
import { rehypeHyphenate } from '../rehype-hyphenate.ts'
import { rehypeTypography } from '../../edition/plugins/rehype-typography.ts'

export interface ParallelInput {
  /** Language a (left column): the source language of `press build`, or either language of any pair. */
  a: EditionModel
  /** Language b (right column). */
  b: EditionModel
  sourceLanguage: string
  identity: BuildIdentity
  geometry: PageGeometry
  /** templates/pdf.css, then templates/parallel.css */
  css: string
  /** The publication's fonts (registry settings). */
  fonts: FontSettings
}

interface Side {
  edition: EditionModel
  /** Block elements by paragraph ID (their ids removed: the row carries it). */
  blocks: Map<string, Element>
  /** Note paragraphs by paragraph ID, with their number. */
  notes: Map<string, Element>
}

export function parallelDocument(input: ParallelInput): PrintDocument {
  const { a, b } = input
  const layoutA = a.content
  const sides = [side(a, 0), side(b, 1)] as const
  const both = (key: string, values?: Record<string, unknown>): ElementContent[] => pair((e) => e.localizer.t(key, values), a, b)

  const rowIds: string[] = []
  const rowOf = (id: string, keep = false): Element => {
    rowIds.push(id)
    return h(
      'div.pp-row',
      { id, dataPpRow: '', dataPpKeep: keep ? '' : undefined },
      sides.map((s) =>
        h('div.pp-cell', { role: 'group', lang: s.edition.language, dir: s.edition.dir }, s.blocks.get(id) ?? s.notes.get(id) ?? []),
      ),
    )
  }

  // The flow: a's sections, each block a row; headings keep with the next row.
  const sections = { odd: new Map<string, string>(), even: new Map<string, string>() }
  const headingText = (s: Side, id: string): string => (s.blocks.get(id) ? textOf(s.blocks.get(id)!) : '')
  const flow: Element[] = []
  const tocIds: string[] = []
  let key = 'pre'
  let count = 0
  for (const unit of layoutA.children) {
    const classes = (unit.properties.className as string[] | undefined) ?? []
    if (classes.includes('notes')) continue
    const rows: Element[] = []
    visit(unit, 'element', (node: Element) => {
      const id = node.data?.blockId
      if (id === undefined) return undefined
      const heading = /^h[1-6]$/.test(node.tagName)
      if (heading && node.tagName === 'h2') {
        key = `s${++count}`
        tocIds.push(id)
        sections.even.set(key, headingText(sides[0], id))
        sections.odd.set(key, headingText(sides[1], id))
      }
      rows.push(rowOf(id, heading))
      return 'skip'
    })
    const opens = flow.length === 0 ? '' : undefined // the text opens a page after the contents
    flow.push(
      h(
        unit.tagName === 'section' ? 'section' : 'div',
        {
          className: classes,
          dataPpSection: key,
          dataPpBreak: opens,
          ariaLabel: unit.properties.ariaLabel,
          ariaLabelledBy: unit.properties.ariaLabelledBy,
        },
        rows,
      ),
    )
  }
  const noteIds = [...sides[0].notes.keys()]
  if (noteIds.length > 0) {
    flow.push(
      h('section.pp-parallel-notes', { dataPpSection: 'notes', ariaLabelledBy: 'pp-notes-title' }, [
        h('h2#pp-notes-title', both('notes')),
        ...noteIds.map((id) => rowOf(id)),
      ]),
    )
    sections.even.set('notes', a.localizer.t('notes'))
    sections.odd.set('notes', b.localizer.t('notes'))
    tocIds.push('pp-notes-title')
  }

  const names = (e: EditionModel): string => `${e.languageName(a.language)} – ${e.languageName(b.language)}`
  const titlePage = h(
    'section.pp-title-page.pp-parallel-title',
    { dataPpBreak: '', dataPpSection: 'title', ariaLabel: a.localizer.t('titlePage') },
    [
      h('h1', a.meta.title),
      h('p.pp-title-b', { lang: b.language, dir: b.dir }, b.meta.title),
      h(
        'p.pp-issuer',
        pair((e) => e.meta.issuer, a, b),
      ),
      h(
        'p.pp-date',
        pair((e) => e.meta.date, a, b),
      ),
      h(
        'p.pp-language',
        pair((e) => `${e.localizer.t('parallelText')}: ${names(e)}`, a, b),
      ),
      // Each translated side's status (any pair: both sides may be translations, or the source on the right).
      ...[a, b]
        .filter((e) => !e.isSource)
        .map((e) =>
          h('p.pp-status', { lang: e.language, dir: e.dir }, [
            e.localizer.t('translationStatus', {
              status: e.localizer.t(`reviewStatus_${e.translation?.data.meta.review ?? 'unreviewed'}`),
            }),
            ' ',
            e.localizer.t('workingTranslation', { source: e.languageName(input.sourceLanguage) }),
          ]),
        ),
    ],
  )
  const tocEntries = [
    ...tocIds.map((id) => ({
      id,
      texts:
        id === 'pp-notes-title' ? [a.localizer.t('notes'), b.localizer.t('notes')] : [headingText(sides[0], id), headingText(sides[1], id)],
    })),
    { id: 'pp-colophon-title', texts: [a.localizer.t('colophon'), b.localizer.t('colophon')] },
  ]
  const toc = h('nav.pp-toc.pp-parallel-toc', { dataPpBreak: '', dataPpSection: 'toc', ariaLabelledBy: 'pp-toc-title' }, [
    h('h2#pp-toc-title', both('contents')),
    h(
      'ol',
      tocEntries.map((entry) =>
        h(
          'li',
          h('a', { href: `#${entry.id}` }, [
            h('span.pp-toc-text', [
              h('span.pp-toc-a', { lang: a.language, dir: a.dir }, entry.texts[0]),
              h('span.pp-toc-b', { lang: b.language, dir: b.dir }, entry.texts[1]),
            ]),
            h('span.pp-leader', { ariaHidden: 'true' }),
            h('span.pp-toc-page', { dataFor: entry.id }),
          ]),
        ),
      ),
    ),
  ])
  const ids = rowIds
  const colophonUnit = h('section.pp-colophon', { dataPpBreak: '', dataPpSection: 'colophon', ariaLabelledBy: 'pp-colophon-title' }, [
    h('h2#pp-colophon-title', both('colophon')),
    h('p', [a.meta.title, ' — ', a.meta.issuer, ', ', a.meta.date, '.']),
    h('p', a.localizer.t('publishedBy', { publisher: a.meta.publisher })),
    ...(a.isSource ? [] : [h('div', { lang: a.language, dir: a.dir }, colophon(a, input.sourceLanguage, input.identity))]),
    h('div', { lang: b.language, dir: b.dir }, colophon(b, input.sourceLanguage, input.identity)),
    h(
      'div.pp-dests',
      { ariaHidden: 'true' },
      ids.map((id) => h('a', { href: `#${id}`, tabIndex: -1 })),
    ),
  ])
  sections.even.set('colophon', a.localizer.t('colophon'))
  sections.odd.set('colophon', b.localizer.t('colophon'))
  sections.even.set('pre', a.meta.title)
  sections.odd.set('pre', b.meta.title)
  sections.even.set('toc', a.localizer.t('contents'))
  sections.odd.set('toc', b.localizer.t('contents'))

  unified()
    .use(rehypeTypography, { language: a.language })
    .runSync({ type: 'root', children: [titlePage, toc, colophonUnit] })
  unified().use(rehypeHyphenate, { language: a.language }).runSync({ type: 'root', children: flow })
  const units = [titlePage, toc, ...flow, colophonUnit]
  const interfaceText = [...sections.even.values(), ...sections.odd.values(), a.localizer.t('pageOf'), b.localizer.t('pageOf')].join('')
  const faces = facesFor(
    textOf({ type: 'root', children: units }) + interfaceText + '0123456789…',
    printFaces(facesOfLanguages(input.fonts, [a.language, b.language])),
  )
  const fontCss = faces.map((face) => fontFaceCss([face], folderUrl(dirname(face.path)))).join('\n')
  const heads = (e: EditionModel, map: Map<string, string>) => ({
    sections: map,
    dir: e.dir,
    fontFamily: fontStack(input.fonts, e.language),
    pageOf: e.localizer.t('pageOf'),
  })
  // Even pages: the publication's title (language a); odd pages: the section in language b.
  const runningHeads = {
    dir: 'ltr' as const,
    fontFamily: fontStack(input.fonts, b.language),
    title: a.meta.title,
    sections: sections.odd,
    pageOf: b.localizer.t('pageOf'),
    language: a.language,
    sides: {
      odd: { ...heads(b, sections.odd), lang: b.language },
      even: { ...heads(a, sections.even), lang: a.language, title: a.meta.title },
    },
  }
  const css = [
    fontCss,
    input.css,
    fontStackCss(input.fonts, [a.language, b.language]),
    justificationCss([a.language, b.language]),
    pageCss(input.geometry, runningHeads),
    runningHeadProbeCss(runningHeads),
  ].join('\n')

  const title = `${a.meta.title} · ${b.meta.title}`
  const tree: Root = {
    type: 'root',
    children: [
      { type: 'doctype' },
      h('html', { lang: a.language, dir: 'ltr' }, [
        h('head', [
          h('meta', { charSet: 'utf-8' }),
          h('title', title),
          h('meta', { name: 'author', content: a.meta.issuer }),
          h('style', css),
        ]),
        h('body.pp-parallel', [h('div#pp-source', units), h('div#pp-note-source'), h('div#pp-pages'), runningHeadProbes(runningHeads)]),
      ]),
    ],
  }
  return {
    html: serializeHtml(tree, { styles: [css] }) + '\n',
    files: new Map(faces.map((f) => [folderUrl(dirname(f.path)) + f.fileName, f.path])),
    tocIds: tocEntries.map((e) => e.id),
    blockIds: ids,
    resources: [...new Map([...a.images, ...b.images].map((image) => [image.name, image])).values()],
  }
}

/**
 * The blocks of one language, ids moved to the rows; footnote references
 * pointing at the note rows. Headings of language b are `demote` levels
 * lower, so each bookmark of language a holds its translation as a child.
 */
function side(edition: EditionModel, demote: number): Side {
  const content = copyContent(edition.content, { openDetails: true })
  const cells = unified().use(rehypeParallelCells, { demote }).runSync({ type: 'root', children: content.children })
  const blocks = new Map<string, Element>()
  const notes = new Map<string, Element>()
  for (const cell of cells.children as Element[]) (isNoteCell(cell) ? notes : blocks).set(cell.data!.blockId!, cell)
  return { edition, blocks, notes }
}

/** The same interface text in both languages, each in its own span. */
function pair(text: (edition: EditionModel) => string, a: EditionModel, b: EditionModel): ElementContent[] {
  return [
    h('span', { lang: a.language, dir: a.dir }, text(a)),
    h('span.pp-sep', { ariaHidden: 'true' }, ' · '),
    h('span', { lang: b.language, dir: b.dir }, text(b)),
  ]
}
