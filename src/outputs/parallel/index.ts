/**
 * Parallel-text PDF editions: dist/<publication>/parallel/<a>-<b>.pdf, language
 * a beside language b, one row per paragraph ID: source → target for every
 * target, any pair listed under `parallel:` and any pair `press review a b` asks for. Rendered like the PDF
 * editions (the build's browsers, `jobs` at a time, paginated by
 * src/outputs/pdf/paginator.js, metadata and bookmark titles set with qpdf).
 */
import { removeAtExit } from '../../util/exit-cleanup.ts'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { readTemplate } from '../assets.ts'
import type { EditionModel } from '../../edition/model.ts'
import { parallelDocument } from './document.ts'
export { parallelPairs } from './pairs.ts'
import { mapBounded } from '../../util/async.ts'
import { cpuMark } from '../../util/cpu-report.ts'
import { pageGeometry } from '../pdf/page-css.ts'
import { problem, PressError } from '../../util/problems.ts'
import { printPdf, type PdfEdition, type PdfJob } from '../pdf/index.ts'

export const PARALLEL_DIR = 'parallel'
export const parallelFileName = (a: string, b: string): string => `${a}-${b}.pdf`

/** A PDF job whose `editions` are every edition of the publication: each pair picks its two. */
export interface ParallelJob extends PdfJob {
  pairs: readonly [string, string][]
}

export async function writeParallelEditions(job: ParallelJob): Promise<(PdfEdition & { pairedWith: string })[]> {
  cpuMark('pdf-output') // what the build cost before its first PDF output (PRESS_REPORT_CPU)
  const { config } = job.publication
  const geometry = pageGeometry(config.print.pageSize)
  const css = (await readTemplate(job.publication.root, 'pdf.css')) + '\n' + (await readTemplate(job.publication.root, 'parallel.css'))
  const edition = (code: string): EditionModel => {
    const found = job.editions.find((e) => e.language === code)
    if (!found)
      throw new PressError(
        problem(`${config.id} has no language "${code}".`, {
          file: job.publication.configPath,
          hint: `Its languages are ${job.editions.map((e) => e.language).join(', ')}.`,
        }),
      )
    return found
  }
  const workDir = await mkdtemp(join(tmpdir(), 'press-parallel-'))
  const forget = removeAtExit(workDir)
  try {
    return await mapBounded(job.pairs, 2 * job.jobs, ([codeA, codeB]) =>
      // The session bounds the documents in progress over this batch and the PDF editions' together.
      job.session.document(async () => {
        const started = performance.now()
        const [a, b] = [edition(codeA), edition(codeB)]
        const name = parallelFileName(codeA, codeB)
        try {
          const doc = parallelDocument({
            a,
            b,
            sourceLanguage: job.sourceLanguage,
            identity: job.identity,
            geometry,
            css,
            fonts: job.fontSettings,
          })
          const { bytes, pages, warnings } = await printPdf(
            job.session,
            doc,
            workDir,
            name,
            {
              title: `${a.meta.title} · ${b.meta.title}`,
              author: a.meta.issuer,
              subject: `${a.localizer.t('parallelText')}: ${a.languageName(codeA)} – ${a.languageName(codeB)}`,
              keywords: [...(a.meta.keywords ?? []), ...(b.meta.keywords ?? [])],
              creator: 'Polyglot Press',
              language: codeA,
              date: job.identity.date,
            },
            geometry,
          )
          for (const warning of warnings) {
            job.logger.problem(
              problem(`The ${codeA}-${codeB} parallel-text PDF: ${warning}`, {
                file: b.translation?.path ?? job.publication.configPath,
                hint: 'The PDF was written; check that page in it.',
                fatal: false,
                ruleId: 'pdf-layout',
              }),
            )
          }
          const path = join(job.dir, PARALLEL_DIR, name)
          await job.write(path, bytes)
          job.logger.progress(
            `parallel ${codeA}-${codeB}: ${pages} pages, ${Math.round(bytes.length / 1024)} KB, ` +
              `${((performance.now() - started) / 1000).toFixed(1)} s`,
          )
          return { language: codeB, pairedWith: codeA, path, pages, size: bytes.length }
        } catch (error) {
          if (error instanceof PressError) throw error
          throw new PressError(
            problem(`While building the ${codeA}-${codeB} parallel-text PDF of ${config.id}: ${(error as Error).message}`, {
              file: b.translation?.path ?? job.publication.configPath,
              hint:
                `Run again with only this language (\`press build --format pdf --lang ${codeA},${codeB}\`) ` +
                'to see it alone; check templates/parallel.css.',
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
