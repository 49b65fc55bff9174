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
import { unified } from 'unified'
import { visit } from 'unist-util-visit'
import type { EditionModel } from '../../edition/model.ts'
import { colophon, type BuildIdentity } from '../colophon.ts'
import { facesFor, fontFaceCss } from '../fonts.ts'
import { printFaces } from './print-fonts.ts'
import { facesOfLanguages, familyList, fontStackCss, languageFonts, type FontSettings } from '../font-registry.ts'
import { copyContent, textOf } from '../../edition/content.ts'
import { rehypeTypography } from '../../edition/plugins/rehype-typography.ts'
import { typeset } from '../../edition/typography/typeset.ts'
import { pageCss, runningHeadProbeCss, runningHeadProbes, type PageGeometry } from './page-css.ts'
import { folderUrl } from './resources.ts'
import { justificationCss } from '../hyphenation.ts'
import { rehypeHyphenate } from '../rehype-hyphenate.ts'
import { rehypePrintNotes } from './rehype-print-notes.ts'

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
  const split = unified()
    .use(rehypePrintNotes, { label: l.t('notes') })
    .runSync({ type: 'root', children: content.children })
  const flow = split.children.slice(0, -1) as Element[]
  const notes = (split.children.at(-1) as Element).children as Element[]

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

  unified()
    .use(rehypeTypography, { language: edition.language })
    .runSync({ type: 'root', children: [titlePage, toc, colophonUnit] })
  unified().use(rehypeHyphenate, { language: edition.language }).runSync({ type: 'root', children: flow })
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

function collectBlockIds(children: Element[]): string[] {
  const ids: string[] = []
  for (const child of children) {
    visit(child, 'element', (node: Element) => {
      if (node.data?.blockId !== undefined) ids.push(node.data.blockId)
    })
  }
  return ids
}
