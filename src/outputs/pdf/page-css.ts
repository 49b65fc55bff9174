/**
 * Page geometry and the @page rules of a PDF edition.
 *
 * The paginator gives every page a name `pp-<section>-<odd|even>` (or
 * `pp-title-odd` for the title page), so margins, running heads and page numbers are decided here,
 * per page, without relying on :left/:right: duplex margins are mirrored
 * (inner margin at the binding) and, for right-to-left languages, the whole
 * page is mirrored (the binding of a recto is on its right).
 */
import type { Element } from 'hast'
import { h } from 'hastscript'
import type { PageSize } from '../../project/schema.ts'

export interface PageGeometry {
  size: PageSize
  /** Page size in mm. */
  width: number
  height: number
  /** Margins in mm. */
  top: number
  bottom: number
  inner: number
  outer: number
}

const sizes: Record<PageSize, { width: number; height: number; scale: number }> = {
  A4: { width: 210, height: 297, scale: 1 },
  Letter: { width: 215.9, height: 279.4, scale: 1 },
  A5: { width: 148, height: 210, scale: 0.72 },
}

export function pageGeometry(size: PageSize): PageGeometry {
  const { width, height, scale } = sizes[size]
  const mm = (value: number): number => Math.round(value * scale * 10) / 10
  return { size, width, height, top: mm(22), bottom: mm(22), inner: mm(25), outer: mm(18) }
}

/** Content box of a page, in mm (height shaved by 1 mm so a full page never spills onto another). */
export function contentBox(g: PageGeometry): { width: number; height: number } {
  return { width: round(g.width - g.inner - g.outer), height: round(g.height - g.top - g.bottom - 1) }
}

export interface RunningHeads {
  dir: 'ltr' | 'rtl'
  /** Font stack for the margin boxes. */
  fontFamily: string
  /** Publication title: head of even (verso) pages. */
  title: string
  /** Head of odd (recto) pages, by section key. */
  sections: Map<string, string>
  /** A localized "Page {{page}} of {{total}}". */
  pageOf: string
  /** The edition's language (its folio style). */
  language?: string
  /**
   * Parallel-text editions: the heads of odd and even pages in two languages,
   * by section key, each with its direction, fonts and page label (the page
   * itself stays in `dir`).
   */
  sides?: Record<'odd' | 'even', HeadSide>
}

export interface HeadSide {
  sections: Map<string, string>
  /** The head of even pages (else the publication title). */
  title?: string
  /** The heads' language, where it is not the document's. */
  lang?: string
  dir: 'ltr' | 'rtl'
  fontFamily: string
  pageOf: string
}

/** One running head: the page name it heads, its margin box, its text and the style of that box. */
export interface RunningHead {
  page: string
  box: string
  text: string
  lang?: string | undefined
  dir: 'ltr' | 'rtl'
  fontFamily: string
}

/** The running head of every named page but the title page: the title on even pages, the section on odd ones. */
export function runningHeads(heads: RunningHeads): RunningHead[] {
  const out: RunningHead[] = []
  for (const parity of ['odd', 'even'] as const) {
    const side = heads.sides?.[parity]
    const box = `top-${outerSide(parity, heads.dir)}`
    for (const [key, section] of heads.sections) {
      const text = parity === 'even' ? (side?.title ?? heads.title) : (side?.sections.get(key) ?? section)
      const style = { dir: side?.dir ?? heads.dir, fontFamily: side?.fontFamily ?? heads.fontFamily, lang: side?.lang }
      out.push({ page: `pp-${key}-${parity}`, box, text, ...style })
    }
  }
  return out
}

/** The style of the margin boxes (running heads and page numbers). */
export const marginBoxStyle = (fontFamily: string, dir: string): string =>
  `font-family: ${fontFamily}; font-size: 8pt; color: #444; direction: ${dir}; white-space: nowrap;`

// LTR: a recto (odd) page has its binding on the left, its outer side on the right; RTL: mirrored.
const outerSide = (parity: 'odd' | 'even', dir: 'ltr' | 'rtl'): 'left' | 'right' =>
  (parity === 'odd') === (dir === 'ltr') ? 'right' : 'left'

/**
 * The page rules. Each running head is written whole: src/outputs/pdf/running-heads.js, in the page,
 * measures it in its margin box's font and shortens, at a word, the heads that do not fit.
 */
export function pageCss(g: PageGeometry, heads: RunningHeads): string {
  const box = contentBox(g)
  const rules: string[] = [
    `:root { --pp-width: ${box.width}mm; --pp-height: ${box.height}mm; }`,
    `@page { size: ${g.width}mm ${g.height}mm; margin: ${g.top}mm ${g.outer}mm ${g.bottom}mm ${g.inner}mm; }`,
  ]
  const byPage = new Map(runningHeads(heads).map((head) => [head.page, head]))
  for (const parity of ['odd', 'even'] as const) {
    const side = heads.sides?.[parity]
    const marginBox = marginBoxStyle(side?.fontFamily ?? heads.fontFamily, side?.dir ?? heads.dir)
    const footer = pageNumberContent(side?.pageOf ?? heads.pageOf, side?.lang ?? heads.language)
    const margins =
      outerSide(parity, heads.dir) === 'right'
        ? `margin-left: ${g.inner}mm; margin-right: ${g.outer}mm;`
        : `margin-left: ${g.outer}mm; margin-right: ${g.inner}mm;`
    const pageNumber = `@bottom-${outerSide(parity, heads.dir)} { content: ${footer}; ${marginBox} vertical-align: top; padding-top: 4mm; }`
    rules.push(`@page pp-title-${parity} { ${margins} }`)
    for (const key of heads.sections.keys()) {
      const head = byPage.get(`pp-${key}-${parity}`)!
      const style = marginBoxStyle(head.fontFamily, head.dir)
      const content = `@${head.box} { content: ${cssString(head.text)}; ${style} vertical-align: bottom; padding-bottom: 4mm; }`
      rules.push(`@page pp-${key}-${parity} { ${margins} ${content} ${pageNumber} }`)
    }
  }
  return rules.join('\n')
}

/**
 * The running heads as elements for running-heads.js to measure (it removes them before printing):
 * one span per head, in its margin box's font, the width of the page's content box given.
 */
export function runningHeadProbes(heads: RunningHeads): Element {
  return h(
    'div#pp-heads',
    runningHeads(heads).map((head) =>
      h('span', { dataPage: head.page, dataBox: head.box, lang: head.lang, dir: head.dir, className: [`pp-head-${head.page}`] }, head.text),
    ),
  )
}

/** The style of the probes (in the print CSS). */
export function runningHeadProbeCss(heads: RunningHeads): string {
  const probes = runningHeads(heads).map((head) => `#pp-heads .pp-head-${head.page} { ${marginBoxStyle(head.fontFamily, head.dir)} }`)
  return [
    '#pp-heads { position: absolute; inset-block-start: 0; visibility: hidden; }',
    '#pp-heads > span { display: block; inline-size: max-content; }',
    ...probes,
  ].join('\n')
}

/** "Page {{page}} of {{total}}" as CSS content with page counters, in the digits `language` writes numbers with. */
export function pageNumberContent(pageOf: string, language?: string): string {
  const style = folioStyle(language)
  const counter = (name: string): string => (style === 'decimal' ? `counter(${name})` : `counter(${name}, ${style})`)
  const parts = pageOf.split(/(\{\{\s*(?:page|total)\s*\}\})/).filter((part) => part !== '')
  return parts
    .map((part) => (/\{\{\s*page/.test(part) ? counter('page') : /\{\{\s*total/.test(part) ? counter('pages') : cssString(part)))
    .join(' ')
}

// CSS counter styles of the numbering systems Intl may give a language by default (the contents' page numbers use Intl).
const counterStyles: Record<string, string> = {
  arab: 'arabic-indic',
  arabext: 'persian',
  beng: 'bengali',
  deva: 'devanagari',
  mymr: 'myanmar',
  thai: 'thai',
  tibt: 'tibetan',
}

/** The folio style of a language: the digits Intl.NumberFormat writes for it (the contents' page numbers). */
export function folioStyle(language?: string): string {
  if (!language) return 'decimal'
  return counterStyles[new Intl.NumberFormat(language).resolvedOptions().numberingSystem] ?? 'decimal'
}

export function cssString(text: string): string {
  return `"${text.replace(/[\\"]/g, (c) => `\\${c}`).replace(/[\n\r\f]/g, ' ')}"`
}

function round(value: number): number {
  return Math.round(value * 100) / 100
}
