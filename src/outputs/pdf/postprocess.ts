/**
 * Post-processing with qpdf, which rewrites the file's structure but keeps
 * every object (the structure tree, outline and named destinations survive):
 * - the document information (Title, Author, Subject, Keywords, Creator) that
 *   Chromium does not take from the page, with CreationDate/ModDate set to the
 *   build date instead of "now";
 * - bookmark titles from the headings' text in logical order (Chromium builds
 *   them from laid-out line fragments: words of right-to-left lines come out
 *   reversed and the lines of a wrapped heading are glued without a space);
 * - destination tops moved down by the page's top margin: Chromium writes them
 *   relative to the content box, so `file.pdf#id` would open a margin's height
 *   above the paragraph (named destinations and bookmarks alike);
 * - an XMP metadata stream saying what the information dictionary says (xmp.ts);
 * - the fonts' ToUnicode maps give U+0020 where they gave U+00A0 (to-unicode.ts: copy gives ordinary spaces);
 * - the structure tree's fixes (structure.ts): footnotes as Note, links' descriptions; Chromium's generic
 *   wrappers dissolved, list bodies (structure-tree.ts); unmarked content marked as artifacts (artifacts.ts);
 * - a /ID computed from the content (--deterministic-id) instead of a random one;
 * - compressed object streams, linearized for fast web view (`pdfinfo`: Optimized: yes).
 * Two qpdf runs per PDF: one reads everything (objects, outline, pages, and the streams as written, which
 * streams.ts inflates where it edits them), one writes every change at once (and, with a press profile, one more
 * writes the press file from the same reading: press-profile.ts). Chromium's streams are already
 * Flate-compressed: recompressing them (--recompress-flate) cost about 0.2
 * CPU-s per PDF and saved no byte. Same inputs, same bytes.
 */
import { execFile } from 'node:child_process'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'
import * as z from 'zod'
import { pressUpdates, type PressOptions } from './press-profile.ts'
import { withArtifacts } from './artifacts.ts'
import { streamUpdates, type StreamUpdate } from './streams.ts'
import { structureUpdates } from './structure.ts'
import { flattenStructure } from './structure-tree.ts'
import { plainSpaces, toUnicodeRefs } from './to-unicode.ts'
import { xmpPacket } from './xmp.ts'

const run = promisify(execFile)

export interface PdfInfo {
  title: string
  author: string
  subject?: string
  keywords?: string[]
  creator: string
  /** The edition's language (BCP 47). */
  language: string
  rights?: string | undefined
  date: Date
  /** Heading texts in document order: one per bookmark. */
  bookmarks: string[]
  /** The page's top margin, in pt (to put destinations where their targets are). */
  topMargin: number
  /** What each link inside the document leads to, by target id (the alternate description of its annotation). */
  links?: Record<string, string>
}

interface Outline {
  object: string
  kids: Outline[]
}
const outline: z.ZodType<Outline> = z.lazy(() => z.object({ object: z.string(), kids: z.array(outline) }))
// Only what is read of qpdf's JSON is checked (the objects are looked at one by one where they are used): checking
// every object, stream data included, cost more than the reading.
const pdfJson = z.object({
  qpdf: z.tuple([z.unknown(), z.record(z.string(), z.unknown())]),
  outlines: z.array(outline),
  pages: z.array(z.unknown()),
})
const trailer = z.object({
  value: z.object({ '/Info': z.string().regex(/^\d+ \d+ R$/), '/Root': z.string().regex(/^\d+ \d+ R$/) }),
})
const objectValue = z.object({ value: z.record(z.string(), z.unknown()) })

export interface FinishedPdf {
  bytes: Uint8Array
  /** Pages in the file (read in the same qpdf run as the structure). */
  pages: number
  /** The press file (with `press` options). */
  press?: Uint8Array
}

const PRODUCER = 'Chromium (Skia/PDF), qpdf'

export async function finishPdf(raw: Uint8Array, info: PdfInfo, workDir: string, name: string, press?: PressOptions): Promise<FinishedPdf> {
  const input = join(workDir, `${name}.raw`)
  const output = join(workDir, name)
  await writeFile(input, raw)
  // The streams as written (base64, still compressed): streams.ts inflates the few it edits.
  const read = [
    '--json=2',
    '--json-key=qpdf',
    '--json-key=outlines',
    '--json-key=pages',
    '--json-stream-data=inline',
    '--decode-level=none',
  ]
  const parsed = pdfJson.parse(JSON.parse((await qpdf([...read, input])).stdout))
  const objects = parsed.qpdf[1]
  const { value: refs } = trailer.parse(objects.trailer)
  const infoRef = refs['/Info']
  const entries: Record<string, string> = {
    '/Title': `u:${info.title}`,
    '/Author': `u:${info.author}`,
    '/Creator': `u:${info.creator}`,
    '/Producer': `u:${PRODUCER}`,
    '/CreationDate': `u:${pdfDate(info.date)}`,
    '/ModDate': `u:${pdfDate(info.date)}`,
  }
  if (info.subject) entries['/Subject'] = `u:${info.subject}`
  if (info.keywords?.length) entries['/Keywords'] = `u:${info.keywords.join(', ')}`
  const catalogRef = refs['/Root']
  const catalog = objectValue.parse(objects[`obj:${catalogRef}`]).value
  let next = Math.max(...Object.keys(objects).map((key) => Number(/^obj:(\d+) /.exec(key)?.[1] ?? 0))) + 1
  const tree = flattenStructure(objects, catalog, next)
  next = tree?.next ?? next
  const contents = parsed.pages.flatMap((page) => pageRef.parse(page).contents)
  // qpdf JSON updates: an object's new value, or a stream's new dictionary and data.
  const updates: Record<string, { value: unknown } | StreamUpdate> = {
    ...tree?.updates,
    ...structureUpdates({ ...objects, ...tree?.updates }, info.links),
    // The pages' content (artifacts marked) and the fonts' ToUnicode maps (no-break spaces copy as spaces).
    ...(await streamUpdates(
      objects,
      new Map([
        ...contents.map((ref) => [ref, withArtifacts] as const),
        ...toUnicodeRefs(objects).map((ref) => [ref, plainSpaces] as const),
      ]),
      input,
      qpdf,
    )),
    [`obj:${infoRef}`]: { value: entries },
  }
  // Nothing reads the streams' data any more (the edited ones are in `updates`): let it go before the writing.
  for (const object of Object.values(objects)) {
    const stream = (object as { stream?: { data?: string } } | null)?.stream
    if (stream) delete stream.data
  }
  const items = flatten(parsed.outlines)
  if (items.length !== info.bookmarks.length)
    throw new Error(`Chromium wrote ${items.length} bookmarks for ${info.bookmarks.length} headings`)
  const moveDown = (dest: unknown): unknown => {
    if (!Array.isArray(dest) || dest[1] !== '/XYZ' || typeof dest[3] !== 'number') return dest
    // PDF coordinates grow upwards: down the page is minus.
    const top = Math.max(0, dest[3] - info.topMargin)
    return [...dest.slice(0, 3), Math.round(top * 1000) / 1000, ...dest.slice(4)]
  }
  items.forEach((item, index) => {
    const current = objectValue.parse(objects[`obj:${item.object}`])
    updates[`obj:${item.object}`] = {
      value: {
        ...current.value,
        '/Title': `u:${info.bookmarks[index]}`,
        ...('/Dest' in current.value ? { '/Dest': moveDown(current.value['/Dest']) } : {}),
      },
    }
  })
  if (typeof catalog['/Dests'] === 'string') {
    const destsRef = `obj:${catalog['/Dests']}`
    const dests = objectValue.parse(objects[destsRef]).value
    updates[destsRef] = { value: Object.fromEntries(Object.entries(dests).map(([name, dest]) => [name, moveDown(dest)])) }
  }
  const metadataRef = `${next++} 0 R`
  const xmp = xmpPacket({ ...info, subject: info.subject, producer: PRODUCER })
  const newObjects: Record<string, unknown> = {
    [`obj:${metadataRef}`]: {
      stream: { dict: { '/Type': '/Metadata', '/Subtype': '/XML' }, data: Buffer.from(xmp, 'utf8').toString('base64') },
    },
  }
  const viewer = typeof catalog['/ViewerPreferences'] === 'object' ? (catalog['/ViewerPreferences'] as Record<string, unknown>) : {}
  const screenCatalog = { ...catalog, '/Metadata': metadataRef, '/ViewerPreferences': { ...viewer, '/DisplayDocTitle': true } }
  const write = async (file: string, extra: Record<string, unknown>, catalogEntries: Record<string, unknown>): Promise<Uint8Array> => {
    const all = { ...updates, ...newObjects, ...extra, [`obj:${catalogRef}`]: { value: { ...screenCatalog, ...catalogEntries } } }
    const json = `${file}.json`
    await writeFile(json, JSON.stringify({ qpdf: [{ jsonversion: 2 }, all] }))
    await qpdf([
      '--update-from-json=' + json,
      '--deterministic-id',
      '--object-streams=generate',
      '--compress-streams=y',
      '--linearize',
      input,
      file,
    ])
    return new Uint8Array(await readFile(file))
  }
  const bytes = await write(output, {}, {})
  if (!press) return { bytes, pages: parsed.pages.length }
  const pageObjects = parsed.pages.map((page) => {
    const ref = pageRef.parse(page).object
    return { ref, value: objectValue.parse(objects[`obj:${ref}`]).value }
  })
  const extra = pressUpdates(pageObjects, next, press)
  return { bytes, pages: parsed.pages.length, press: await write(`${output}.press`, extra.objects, extra.catalog) }
}

const pageRef = z.object({ object: z.string(), contents: z.array(z.string()).default([]) })

function flatten(items: Outline[]): Outline[] {
  return items.flatMap((item) => [item, ...flatten(item.kids)])
}

export async function pageCount(file: string): Promise<number> {
  return Number((await qpdf(['--show-npages', file])).stdout.trim())
}

/** D:YYYYMMDDHHmmSS+00'00' */
export function pdfDate(date: Date): string {
  const iso = date.toISOString()
  return `D:${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}+00'00'`
}

async function qpdf(args: string[]): Promise<{ stdout: string }> {
  try {
    return await run('qpdf', args, { maxBuffer: 64 * 1024 * 1024 })
  } catch (error) {
    const e = error as NodeJS.ErrnoException & { stderr?: string; code?: unknown }
    // qpdf exits 3 for warnings with a usable output.
    if ((e.code as unknown) === 3) return { stdout: (e as unknown as { stdout: string }).stdout }
    if (e.code === 'ENOENT')
      throw new Error('qpdf is not installed: it sets the PDF metadata. Install it (Debian/Ubuntu: `sudo apt-get install qpdf`).')
    throw new Error(`qpdf ${args.at(-1)}: ${e.stderr?.trim() || e.message}`)
  }
}
