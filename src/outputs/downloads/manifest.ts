/**
 * dist/<publication>/manifest.json: every edition file of a publication with
 * its language, format, size, pages and sha256. Made from the build's results
 * (the bytes each writer returned, the page counts the PDF writers measured);
 * entries of files this build did not write are kept from the previous
 * manifest while their file is still there with the same size.
 */
import { createHash } from 'node:crypto'
import { readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import * as z from 'zod'

export const MANIFEST_FILE = 'manifest.json'
export const editionFormats = ['html', 'epub', 'pdf', 'parallel'] as const
export type EditionFormat = (typeof editionFormats)[number]

const editionFileSchema = z.object({
  language: z.string().describe('language of the edition (for parallel PDFs: the right column)'),
  format: z.enum(editionFormats).describe('kind of edition file'),
  path: z.string().describe('path relative to the output folder, with forward slashes'),
  size: z.number().int().nonnegative().describe('size in bytes'),
  sha256: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .describe('SHA-256 of the file, hex'),
  pages: z.number().int().positive().optional().describe('PDF editions only: page count'),
  pairedWith: z.string().optional().describe('parallel-text PDFs: the language of the left column'),
})
export type EditionFile = z.infer<typeof editionFileSchema>

export const manifestSchema = z.object({
  publication: z.object({ id: z.string(), identifier: z.string(), title: z.string(), date: z.string() }),
  built: z.string().describe('build date (SOURCE_DATE_EPOCH or the last commit), never "now"'),
  editions: z.array(editionFileSchema),
  titles: z.record(z.string(), z.string()).optional().describe("the publication's title in each of its languages"),
})
export type Manifest = z.infer<typeof manifestSchema>

/** The size and SHA-256 of bytes a writer produced. */
export function fileFacts(data: string | Uint8Array): { size: number; sha256: string } {
  const bytes = typeof data === 'string' ? Buffer.from(data) : data
  return { size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') }
}

/** An existing manifest.json, or undefined when there is none or it is not one. */
export async function readManifest(path: string): Promise<Manifest | undefined> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch {
    return undefined
  }
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch {
    return undefined
  }
  const parsed = manifestSchema.safeParse(raw)
  return parsed.success ? parsed.data : undefined
}

/**
 * This build's entries, plus the previous manifest's entries for files this
 * build did not write that are still in `outDir` with the same size (and, when
 * `current` is given, that are the output of their unit's current inputs:
 * `path sha256`), in a
 * fixed order (languages as listed, then html, epub, pdf, parallel).
 */
export async function mergeEditions(
  built: readonly EditionFile[],
  previous: Manifest | undefined,
  outDir: string,
  languages: readonly string[],
  current?: ReadonlySet<string>,
): Promise<EditionFile[]> {
  const paths = new Set(built.map((e) => e.path))
  const kept: EditionFile[] = []
  for (const entry of previous?.editions ?? []) {
    if (paths.has(entry.path) || !languages.includes(entry.language)) continue
    if (current && !current.has(`${entry.path} ${entry.sha256}`)) continue // stale: its unit's inputs changed since
    const size = await stat(join(outDir, entry.path)).then(
      (s) => s.size,
      () => undefined,
    )
    if (size === entry.size) kept.push(entry)
  }
  const rank = (e: EditionFile): number => languages.indexOf(e.language) * editionFormats.length + editionFormats.indexOf(e.format)
  return [...built, ...kept].sort((x, y) => rank(x) - rank(y))
}
