/**
 * Render one print document to PDF in a page of the shared browser: load it
 * from a local file, paginate it (src/outputs/pdf/paginator.js), print it with
 * Chromium's tagged-PDF output (structure tags, bookmarks from headings, /Lang).
 */
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { Page } from 'puppeteer-core'
import type { BrowserSession } from './browser.ts'
import type { PrintDocument } from './print-html.ts'

/** What the paginator returns (declared with it in paginator-globals.d.ts). */
export type Pagination = PpPagination

export interface RenderedPdf extends Pagination {
  bytes: Uint8Array
}

let paginatorSource: Promise<string> | undefined

export const typesetting: Required<PpTypesetting> = { orphans: 3, widows: 3 }

/**
 * Define `window.ppPaginate` in the page: src/outputs/pdf/paginator.js, injected as it is written
 * (never transpiled, so the page runs the type-checked text). Its script element is removed at once,
 * so the document printed is the one written.
 */
export async function injectPaginator(page: Page): Promise<void> {
  paginatorSource ??= Promise.all(['./soft-hyphens.js', './paginator.js'].map((f) => readFile(new URL(f, import.meta.url), 'utf8'))).then(
    (parts) => parts.join('\n'),
  )
  const script = await page.addScriptTag({ content: await paginatorSource })
  await script.evaluate((element) => element.remove())
  await script.dispose()
}

/** Pour the page's flow into pages (see paginator.js). */
export async function paginate(page: Page, options: PpTypesetting = typesetting): Promise<Pagination> {
  await injectPaginator(page)
  return page.evaluate((o) => window.ppPaginate(o), options)
}

export async function renderPdf(session: BrowserSession, doc: PrintDocument, workDir: string, name: string): Promise<RenderedPdf> {
  const htmlPath = join(workDir, `${name}.html`)
  await writeFile(htmlPath, doc.html)
  const page = await session.page([workDir, ...doc.fontDirs])
  try {
    // The paginator is injected as a script: a Content-Security-Policy of the document must not block it.
    await page.setBypassCSP(true)
    await page.emulateMediaType('print')
    await page.setViewport({ width: 1200, height: 1600 })
    await page.goto(pathToFileURL(htmlPath).href, { waitUntil: 'load', timeout: 60_000 })
    const pagination = await paginate(page)
    const bytes = await page.pdf({ tagged: true, outline: true, preferCSSPageSize: true, printBackground: true, timeout: 120_000 })
    return { ...pagination, bytes }
  } finally {
    await page.close()
  }
}
