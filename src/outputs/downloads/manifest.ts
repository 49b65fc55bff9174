/** The facts of every edition of a publication: dist/<pub>/manifest.json and the download page read them. */
export const editionFormats = ['html', 'epub', 'pdf', 'parallel'] as const
export type EditionFormat = (typeof editionFormats)[number]

export interface EditionFile {
  language: string
  format: EditionFormat
  /** Path relative to the output folder, with forward slashes. */
  path: string
  size: number
  sha256: string
  /** PDF editions only. */
  pages?: number
  /** Parallel-text PDFs: the language of the left column (`language` is the right one). */
  pairedWith?: string
}

export interface Manifest {
  publication: { id: string; identifier: string; title: string; date: string }
  /** Build date (SOURCE_DATE_EPOCH or the last commit), never "now". */
  built: string
  editions: EditionFile[]
}
