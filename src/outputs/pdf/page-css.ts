/**
 * Page geometry and the @page rules of a PDF edition.
 *
 * The paginator gives every page a name `pp-<section>-<odd|even>` (or
 * `pp-open-<parity>` for a page that opens a part, `pp-title-odd` for the
 * title page), so margins, running heads and page numbers are decided here,
 * per page, without relying on :left/:right: duplex margins are mirrored
 * (inner margin at the binding) and, for right-to-left languages, the whole
 * page is mirrored (the binding of a recto is on its right).
 */
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
  /**
   * Parallel-text editions: the heads of odd and even pages in two languages,
   * by section key, each with its direction, fonts and page label (the page
   * itself stays in `dir`).
   */
  sides?: Record<'odd' | 'even', HeadSide>
}

export interface HeadSide {
  sections: Map<string, string>
  dir: 'ltr' | 'rtl'
  fontFamily: string
  pageOf: string
}

export function pageCss(g: PageGeometry, heads: RunningHeads): string {
  const box = contentBox(g)
  const rules: string[] = [
    `:root { --pp-width: ${box.width}mm; --pp-height: ${box.height}mm; }`,
    `@page { size: ${g.width}mm ${g.height}mm; margin: ${g.top}mm ${g.outer}mm ${g.bottom}mm ${g.inner}mm; }`,
  ]
  for (const parity of ['odd', 'even'] as const) {
    const side = heads.sides?.[parity]
    const marginBox =
      `font-family: ${side?.fontFamily ?? heads.fontFamily}; font-size: 8pt; color: #444; ` + `direction: ${side?.dir ?? heads.dir};`
    const footer = pageNumberContent(side?.pageOf ?? heads.pageOf)
    // LTR: a recto (odd) page has its binding on the left; RTL: on the right.
    const innerLeft = (parity === 'odd') === (heads.dir === 'ltr')
    const margins = innerLeft
      ? `margin-left: ${g.inner}mm; margin-right: ${g.outer}mm;`
      : `margin-left: ${g.outer}mm; margin-right: ${g.inner}mm;`
    const outerSide = innerLeft ? 'right' : 'left'
    const pageNumber = `@bottom-${outerSide} { content: ${footer}; ${marginBox} vertical-align: top; padding-top: 4mm; }`
    rules.push(`@page pp-title-${parity} { ${margins} }`)
    rules.push(`@page pp-open-${parity} { ${margins} ${pageNumber} }`)
    for (const [key, section] of heads.sections) {
      const text = side ? (side.sections.get(key) ?? section) : parity === 'even' ? heads.title : section
      const head = `@top-${outerSide} { content: ${cssString(shorten(text))}; ${marginBox} vertical-align: bottom; padding-bottom: 4mm; }`
      rules.push(`@page pp-${key}-${parity} { ${margins} ${head} ${pageNumber} }`)
    }
  }
  return rules.join('\n')
}

/** "Page {{page}} of {{total}}" as CSS content with page counters. */
export function pageNumberContent(pageOf: string): string {
  const parts = pageOf.split(/(\{\{\s*(?:page|total)\s*\}\})/).filter((part) => part !== '')
  return parts
    .map((part) => (/\{\{\s*page/.test(part) ? 'counter(page)' : /\{\{\s*total/.test(part) ? 'counter(pages)' : cssString(part)))
    .join(' ')
}

/** A running head fits on one line: cut at a word (or, for CJK, a character) with an ellipsis. */
export function shorten(text: string, max = 80): string {
  let width = 0
  let out = ''
  for (const char of text) {
    width += /[\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF]/.test(char) ? 2 : 1
    if (width > max) {
      const cut = /\s/.test(out) ? out.replace(/\s+\S*$/, '') : out
      return cut.replace(/[\s,;:.，、；：]+$/u, '') + '…'
    }
    out += char
  }
  return text
}

export function cssString(text: string): string {
  return `"${text.replace(/[\\"]/g, (c) => `\\${c}`).replace(/[\n\r\f]/g, ' ')}"`
}

function round(value: number): number {
  return Math.round(value * 100) / 100
}
