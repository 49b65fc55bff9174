/**
 * The press version of a PDF (`print: { bleed: 3mm, marks: crop }`): qpdf JSON updates that
 * - set TrimBox (the page as designed), BleedBox (the trim box grown by the bleed) and a MediaBox
 *   large enough for the crop marks, by growing the boxes outwards (negative coordinates): the
 *   page's content, links and destinations keep their coordinates;
 * - draw crop marks (0.25 pt registration lines) at each corner, outside the bleed box, as an
 *   Artifact (not content for the structure tree);
 * - add a PDF/X-4-style output intent carrying the sRGB ICC profile of Debian's colord-data.
 * Pages carry no background that reaches the trim edge (white paper), so nothing has to be
 * extended into the bleed.
 */
import { existsSync, readFileSync } from 'node:fs'

export const SRGB_PROFILE = '/usr/share/color/icc/colord/sRGB.icc'

export interface PressOptions {
  /** Bleed in pt. */
  bleed: number
  marks: 'crop' | 'none'
}

/** Length of a crop mark, and its gap from the bleed box, in pt. */
const MARK = 12
const GAP = 2

type Updates = Record<string, unknown>
const round = (n: number): number => Math.round(n * 1000) / 1000

export function cropMarks(trim: readonly number[], bleed: number): string {
  const [x0, y0, x1, y1] = trim as [number, number, number, number]
  const near = bleed + GAP
  const far = near + MARK
  const line = (ax: number, ay: number, bx: number, by: number): string => `${round(ax)} ${round(ay)} m ${round(bx)} ${round(by)} l S`
  const marks: string[] = []
  for (const [x, dx] of [
    [x0, -1],
    [x1, 1],
  ] as const) {
    for (const [y, dy] of [
      [y0, -1],
      [y1, 1],
    ] as const) {
      marks.push(line(x + dx * near, y, x + dx * far, y), line(x, y + dy * near, x, y + dy * far))
    }
  }
  return ['/Artifact BMC', 'q', '0 0 0 RG 0.25 w', ...marks, 'Q', 'EMC', ''].join('\n')
}

/**
 * Updates for the press file: `pages` are the page objects (ref → value), `nextObject` the first free
 * object number. Returns the objects to write and the entries to add to the catalog.
 */
export function pressUpdates(
  pages: readonly { ref: string; value: Record<string, unknown> }[],
  nextObject: number,
  options: PressOptions,
): { objects: Updates; catalog: Record<string, unknown> } {
  if (!existsSync(SRGB_PROFILE))
    throw new Error(`${SRGB_PROFILE} is missing: the press PDF's output intent needs it (install Debian's colord-data)`)
  const updates: Updates = {}
  let next = nextObject
  const stream = (dict: Record<string, unknown>, data: Uint8Array | string): string => {
    const ref = `${next++} 0 R`
    updates[`obj:${ref}`] = { stream: { dict, data: Buffer.from(data).toString('base64') } }
    return ref
  }
  const b = options.bleed
  const open = stream({}, 'q\n')
  for (const page of pages) {
    const media = page.value['/MediaBox']
    if (!Array.isArray(media) || media.length !== 4) throw new Error(`page ${page.ref} has no MediaBox of its own`)
    const trim = media.map(Number) as [number, number, number, number]
    const grow = (by: number): number[] => [trim[0] - by, trim[1] - by, trim[2] + by, trim[3] + by].map(round)
    const contents = page.value['/Contents']
    const list = Array.isArray(contents) ? contents : [contents]
    const marks = stream({}, 'Q\n' + (options.marks === 'crop' ? cropMarks(trim, b) : ''))
    updates[`obj:${page.ref}`] = {
      value: {
        ...page.value,
        '/MediaBox': grow(options.marks === 'crop' ? b + GAP + MARK + 2 : b),
        '/BleedBox': grow(b),
        '/TrimBox': trim,
        '/Contents': [open, ...list, marks],
      },
    }
  }
  const profile = stream({ '/N': 3 }, readFileSync(SRGB_PROFILE))
  return {
    objects: updates,
    catalog: {
      '/OutputIntents': [
        {
          '/Type': '/OutputIntent',
          '/S': '/GTS_PDFX',
          '/OutputConditionIdentifier': 'u:sRGB IEC61966-2.1',
          '/Info': 'u:sRGB IEC61966-2.1',
          '/RegistryName': 'u:http://www.color.org',
          '/DestOutputProfile': profile,
        },
      ],
    },
  }
}
