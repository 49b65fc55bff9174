/**
 * Render one print document to PDF in a page of the build's browsers: serve it
 * and its fonts from memory at the fake origin, paginate it
 * (src/outputs/pdf/paginator.js), print it with Chromium's tagged-PDF output
 * (structure tags, bookmarks from headings, /Lang).
 */
import { readFile } from 'node:fs/promises'
import type { Page } from 'puppeteer-core'
import type { BrowserSession } from './session.ts'
import type { PrintDocument } from './print-html.ts'
import { PageResources } from './resources.ts'
import { withTimeout } from '../../util/async.ts'

/** What the paginator returns (declared with it in paginator-globals.d.ts). */
export type Pagination = PpPagination

export interface RenderedPdf extends Pagination {
  /** What each link inside the document leads to, by target id. */
  links: Record<string, string>
  bytes: Uint8Array
  /** The document as printed (after pagination), only when PRESS_KEEP_PRINT_HTML asks for it (scripts/benchmark.ts). */
  printed?: string
}

let paginatorSource: Promise<string> | undefined

export const typesetting: Required<PpTypesetting> = { orphans: 3, widows: 3 }

/**
 * Define `window.ppPaginate` in the page: src/outputs/pdf/paginator.js, injected as it is written
 * (never transpiled, so the page runs the type-checked text). Its script element is removed at once,
 * so the document printed is the one written.
 */
export async function injectPaginator(page: Page): Promise<void> {
  const files = ['./soft-hyphens.js', './line-choice.js', './line-breaks.js', './running-heads.js', './paginator.js']
  paginatorSource ??= Promise.all(files.map((f) => readFile(new URL(f, import.meta.url), 'utf8'))).then((parts) => parts.join('\n'))
  const script = await page.addScriptTag({ content: await paginatorSource })
  await script.evaluate((element) => element.remove())
  await script.dispose()
}

/** Set the flow's justified lines (line-breaks.js), pour it into pages (paginator.js), then fit the running heads (running-heads.js). */
export async function paginate(page: Page, options: PpTypesetting = typesetting): Promise<Pagination & { links: Record<string, string> }> {
  await injectPaginator(page)
  return page.evaluate(async (o) => {
    await window.ppSetLines()
    const pagination = await window.ppPaginate(o)
    window.ppFitRunningHeads()
    // What each link inside the document leads to: the target's label, else its text (its annotation's description).
    const links: Record<string, string> = {}
    for (const a of document.querySelectorAll('#pp-pages a[href^="#"]')) {
      const id = decodeURIComponent((a.getAttribute('href') ?? '').slice(1))
      const target = document.getElementById(id)
      const text = (target?.getAttribute('aria-label') || target?.textContent || '').replace(/\s+/g, ' ').trim()
      if (text) links[id] = text.length > 160 ? `${text.slice(0, 159)}…` : text
    }
    return { ...pagination, links }
  }, options)
}

/** The print HTML at `<name>.html` of the fake origin, with the files it refers to. */
export function printResources(doc: PrintDocument, name: string): { resources: PageResources; url: string } {
  const resources = new PageResources()
  const url = resources.text(`${name}.html`, doc.html)
  for (const [fileUrl, path] of doc.files) resources.file(fileUrl, path)
  // The edition's images, at the names its HTML refers to them by (beside the page).
  for (const resource of doc.resources) resources.bytes(resource.name, resource.bytes)
  return { resources, url }
}

/** Render `doc` on a page of `session`; the page's work (not its wait for a free page) is bounded by `timeoutMs`. */
export async function renderPdf(session: BrowserSession, doc: PrintDocument, name: string, timeoutMs: number): Promise<RenderedPdf> {
  const { resources, url } = printResources(doc, name)
  return session.withPage(resources, (page) =>
    withTimeout(print(page, url, timeoutMs), timeoutMs, () => `Chromium did not finish within ${Math.round(timeoutMs / 1000)} s`),
  )
}

async function print(page: Page, url: string, timeoutMs: number): Promise<RenderedPdf> {
  // The paginator is injected as a script: a Content-Security-Policy of the document must not block it.
  await Promise.all([page.setBypassCSP(true), page.emulateMediaType('print'), page.setViewport({ width: 1200, height: 1600 })])
  await page.goto(url, { waitUntil: 'load', timeout: timeoutMs })
  const pagination = await paginate(page)
  const printed = process.env.PRESS_KEEP_PRINT_HTML ? await page.content() : undefined
  const bytes = await page.pdf({ tagged: true, outline: true, preferCSSPageSize: true, printBackground: true, timeout: timeoutMs })
  return { ...pagination, bytes, ...(printed === undefined ? {} : { printed }) }
}
