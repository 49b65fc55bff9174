/**
 * Every output, in the order a build writes them. `press build --format`, its
 * help text and the manifest read this list; adding an output is one folder
 * (with an `output.ts` implementing `Output`) and one line here.
 */
import { epubOutput } from './epub/output.ts'
import { htmlOutput } from './html/output.ts'
import type { Output } from './output.ts'
import { parallelOutput } from './parallel/output.ts'
import { pdfOutput } from './pdf/output.ts'
import { reviewOutput } from './review/output.ts'

export const outputs = [htmlOutput, epubOutput, pdfOutput, parallelOutput, reviewOutput] as const satisfies readonly Output[]

/** The values of `press build --format`: each selects the outputs that name it. */
export type Format = (typeof outputs)[number]['format']
export const formats: readonly Format[] = [...new Set(outputs.map((o) => o.format))]

/** After every publication: dist/<pub>/manifest.json and the download pages (src/outputs/downloads/). */
export const siteOutput = {
  name: 'downloads',
  description: 'dist/index.html and index.<lang>.html listing every edition of every publication in dist/, and each manifest.json',
  files: ['index.html', 'index.<lang>.html', '<pub>/manifest.json', 'assets/fonts.css'],
  inputs: ['config', 'ui-strings', 'fonts'],
} as const

/** One line per format for `press build --help`. */
export function formatHelp(): string {
  return formats
    .map(
      (f) =>
        `${f}: ${outputs
          .filter((o) => o.format === f)
          .map((o) => o.name)
          .join(' + ')}`,
    )
    .join('; ')
}
