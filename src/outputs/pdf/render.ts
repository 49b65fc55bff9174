/**
 * Render one print document to PDF in a page of the shared browser: load it
 * from a local file, paginate it (src/outputs/pdf/paginator.js), print it with
 * Chromium's tagged-PDF output (structure tags, bookmarks from headings, /Lang).
 */
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { BrowserSession } from './browser.ts'
import type { PrintDocument } from './print-html.ts'

export interface Pagination {
  pages: number
  /** Page (1-based) of every table-of-contents target. */
  targets: Record<string, number>
  /** Text of every heading on the pages, in order (bookmark titles). */
  headings: string[]
  warnings: string[]
}

export interface RenderedPdf extends Pagination {
  bytes: Uint8Array
}

let paginatorSource: Promise<string> | undefined

export const typesetting = { orphans: 3, widows: 3 } as const

export async function renderPdf(session: BrowserSession, doc: PrintDocument, workDir: string, name: string): Promise<RenderedPdf> {
  paginatorSource ??= readFile(new URL('./paginator.js', import.meta.url), 'utf8')
  const htmlPath = join(workDir, `${name}.html`)
  await writeFile(htmlPath, doc.html)
  const page = await session.page([workDir, ...doc.fontDirs])
  try {
    await page.emulateMediaType('print')
    await page.setViewport({ width: 1200, height: 1600 })
    await page.goto(pathToFileURL(htmlPath).href, { waitUntil: 'load', timeout: 60_000 })
    await page.evaluate(await paginatorSource)
    const pagination = (await page.evaluate(`window.ppPaginate(${JSON.stringify(typesetting)})`)) as Pagination
    const bytes = await page.pdf({ tagged: true, outline: true, preferCSSPageSize: true, printBackground: true, timeout: 120_000 })
    return { ...pagination, bytes }
  } finally {
    await page.close()
  }
}
