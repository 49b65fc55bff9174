/**
 * PDF editions: dist/<publication>/<lang>/<publication>.<lang>.pdf, rendered
 * by the build's browsers (src/outputs/pdf/session.ts), `jobs` editions at a
 * time, each with a timeout.
 */
import { removeAtExit } from '../../util/exit-cleanup.ts'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { Publication } from '../../project/load.ts'
import { readTemplate } from '../assets.ts'
import type { EditionModel } from '../../edition/model.ts'
import type { Logger } from '../../util/logger.ts'
import type { BuildIdentity } from '../colophon.ts'
import { problem, PressError } from '../../util/problems.ts'
import type { BrowserSession } from './session.ts'
import { mapBounded } from '../../util/async.ts'
import { cpuMark } from '../../util/cpu-report.ts'
import { pageGeometry, type PageGeometry } from './page-css.ts'
import { finishPdf, type PdfInfo } from './postprocess.ts'
import type { PressOptions } from './press-profile.ts'
import { printDocument, type PrintDocument } from './print-html.ts'
import { renderPdf } from './render.ts'
import type { FontSettings } from '../font-registry.ts'

export const pdfFileName = (publication: string, language: string): string => `${publication}.${language}.pdf`
export const pressFileName = (publication: string, language: string): string => `${publication}.${language}.press.pdf`

/** The press profile of `print:` (bleed in pt): none when no bleed is set, unless `forced` (then 3 mm). */
export function pressOptions(print: { bleed?: string | undefined; marks: 'crop' | 'none' }, forced = false): PressOptions | undefined {
  const bleed = print.bleed ?? (forced ? '3mm' : undefined)
  if (!bleed) return undefined
  const value = parseFloat(bleed)
  return { bleed: bleed.endsWith('mm') ? (value * 72) / 25.4 : value, marks: print.marks }
}

/** A PDF's render is bounded by 180 s, and as much again for every 100,000 characters of its print HTML: its work grows with it. */
export const PDF_TIMEOUT_MS = 180_000
export const pdfTimeout = (doc: PrintDocument): number => Math.round(PDF_TIMEOUT_MS * (1 + doc.html.length / 100_000))

export interface PdfJob {
  publication: Publication
  editions: readonly EditionModel[]
  sourceLanguage: string
  identity: BuildIdentity
  /** The publication's fonts (registry settings). */
  fontSettings: FontSettings
  /** dist/<publication> */
  dir: string
  session: BrowserSession
  /**
   * PDFs rendered at once (the session lets that many pages open); twice as many are in progress,
   * so one PDF's post-processing overlaps the next one's rendering.
   */
  jobs: number
  logger: Logger
  /** Write the press PDFs even without print.bleed (`--profile press`). */
  press?: boolean | undefined
  write(path: string, data: Uint8Array): Promise<void>
}

export interface PdfEdition {
  language: string
  path: string
  pages: number
  size: number
}

/**
 * Render `doc` (paginated, tagged, with bookmarks), then set its metadata and
 * bookmark titles with qpdf; fails when Chromium printed more pages than the
 * pagination planned (a page overflowed).
 */
export async function printPdf(
  session: BrowserSession,
  doc: PrintDocument,
  workDir: string,
  name: string,
  info: Omit<PdfInfo, 'bookmarks' | 'topMargin' | 'links'>,
  geometry: PageGeometry,
  press?: PressOptions,
): Promise<{ bytes: Uint8Array; pages: number; warnings: string[]; press?: Uint8Array | undefined }> {
  const rendered = await renderPdf(session, doc, name, pdfTimeout(doc))
  // scripts/benchmark.ts prints the same pages in bare Chromium, as the baseline of this stage: the document as
  // paginated, its fonts as local files.
  const keep = process.env.PRESS_KEEP_PRINT_HTML
  if (keep && rendered.printed !== undefined) {
    let html = rendered.printed
    for (const [url, path] of doc.files) html = html.replaceAll(url, pathToFileURL(path).href)
    await mkdir(keep, { recursive: true }).then(() => writeFile(join(keep, `${name}.html`), html))
  }
  const {
    bytes,
    pages,
    press: pressBytes,
  } = await finishPdf(
    rendered.bytes,
    { ...info, bookmarks: rendered.headings, topMargin: (geometry.top * 72) / 25.4, links: rendered.links },
    workDir,
    name,
    press,
  )
  if (pages !== rendered.pages)
    throw new Error(`the pagination planned ${rendered.pages} pages but Chromium printed ${pages}: a page overflowed`)
  return { bytes, pages, warnings: rendered.warnings, press: pressBytes }
}

export async function writePdfEditions(job: PdfJob): Promise<PdfEdition[]> {
  cpuMark('pdf-output') // what the build cost before its first PDF output (PRESS_REPORT_CPU)
  const { config } = job.publication
  const geometry = pageGeometry(config.print.pageSize)
  const css = await readTemplate(job.publication.root, 'pdf.css')
  const workDir = await mkdtemp(join(tmpdir(), 'press-pdf-'))
  const forget = removeAtExit(workDir)
  try {
    return await mapBounded(job.editions, 2 * job.jobs, (edition) =>
      // The session bounds the documents in progress over this batch and the parallel texts' together.
      job.session.document(async () => {
        const started = performance.now()
        const name = pdfFileName(config.id, edition.language)
        try {
          const doc = printDocument({
            edition,
            sourceLanguage: job.sourceLanguage,
            identity: job.identity,
            geometry,
            css,
            fonts: job.fontSettings,
          })
          const { bytes, pages, warnings, press } = await printPdf(
            job.session,
            doc,
            workDir,
            name,
            {
              title: edition.meta.title,
              author: edition.meta.issuer,
              subject: edition.meta.description,
              keywords: edition.meta.keywords,
              creator: 'Polyglot Press',
              language: edition.language,
              rights: config.rights,
              date: job.identity.date,
            },
            geometry,
            pressOptions(config.print, job.press),
          )
          for (const warning of warnings) {
            job.logger.problem(
              problem(`The ${edition.language} PDF edition: ${warning}`, {
                file: edition.translation?.path ?? job.publication.configPath,
                hint: 'The PDF was written; check that page in it.',
                fatal: false,
                ruleId: 'pdf-layout',
              }),
            )
          }
          const path = join(job.dir, edition.language, name)
          await job.write(path, bytes)
          if (press) await job.write(join(job.dir, edition.language, pressFileName(config.id, edition.language)), press)
          job.logger.progress(
            `pdf ${edition.language}: ${pages} pages, ${Math.round(bytes.length / 1024)} KB, ` +
              `${((performance.now() - started) / 1000).toFixed(1)} s`,
          )
          return { language: edition.language, path, pages, size: bytes.length }
        } catch (error) {
          if (error instanceof PressError) throw error
          throw new PressError(
            problem(`While building the ${edition.language} PDF edition of ${config.id}: ${(error as Error).message}`, {
              file: edition.translation?.path ?? job.publication.configPath,
              hint:
                'Run again with only this language (`press build --format pdf --lang ' +
                edition.language +
                '`) to see it alone; check templates/pdf.css.',
              ruleId: 'pdf-render',
            }),
          )
        }
      }),
    )
  } finally {
    await rm(workDir, { recursive: true, force: true })
    forget()
  }
}
