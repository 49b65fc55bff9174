/**
 * Loose lines and rivers as a reader sees them, on the rendered pages: each page is drawn by pdftoppm and the white
 * between two words is measured in its pixels, from the last inked column of one word to the first of the next (in
 * the band between the baseline and the x-height, so accents and descenders of the lines around do not count). The
 * text layer (mutool's structured text) only says where the lines and their spaces are.
 * - A loose line: its word gaps average more than LOOSE_EM of its font size in white (a normal space shows about
 *   0.3em of white; twice the font's space, the text layer's loose line, about 0.6em).
 * - A river: wide gaps (over RIVER_EM) on RIVER_LINES lines or more in a row of the same column, each overlapping
 *   the one above it.
 */
import { execFileSync } from 'node:child_process'
import { bodySize, rightToLeft, type Line } from './print-quality.ts'

export const LOOSE_EM = 0.6
export const RIVER_EM = 0.55
export const RIVER_LINES = 4
const DPI = 216
const PX = DPI / 72

export interface SeenLine {
  page: number
  text: string
  /** Left of the line (pt): lines of one column share it, give or take an indent. */
  left: number
  baseline: number
  size: number
  /** The white between words, in pt, where it lies. */
  gaps: { x0: number; x1: number }[]
}

interface Raster {
  width: number
  height: number
  dark: (x: number, y: number) => boolean
}

function raster(pdf: string, page: number): Raster {
  const args = ['-gray', '-r', String(DPI), '-f', String(page), '-l', String(page), pdf]
  const pgm = execFileSync('pdftoppm', args, { maxBuffer: 256 * 1024 * 1024 })
  const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.subarray(0, 40).toString('latin1'))!
  const [width, height] = [Number(header[1]), Number(header[2])]
  const pixels = pgm.subarray(header[0].length)
  return { width, height, dark: (x, y) => x >= 0 && y >= 0 && x < width && y < height && pixels[y * width + x]! < 140 }
}

/** The white around every word space of the left-to-right body lines of `pages` (all pages when omitted). */
export function seenLines(pdf: string, lines: Line[], pages?: number[]): SeenLine[] {
  const size = bodySize(lines)
  const out: SeenLine[] = []
  const wanted = [...new Set(lines.map((l) => l.page))].filter((p) => !pages || pages.includes(p))
  for (const page of wanted) {
    const image = raster(pdf, page)
    for (const line of lines.filter((l) => l.page === page && Math.abs(l.size - size) < 0.05 && !rightToLeft(l))) {
      // Rows from just above the baseline to the x-height (about 0.45em up).
      const rows: number[] = []
      for (let y = Math.round((line.baseline - 0.42 * line.size) * PX); y <= Math.round((line.baseline - 0.06 * line.size) * PX); y++)
        rows.push(y)
      const inked = (x: number): boolean => rows.some((y) => image.dark(x, y))
      const gaps: SeenLine['gaps'] = []
      line.chars.forEach((ch, i) => {
        const prev = line.chars[i - 1]
        const next = line.chars[i + 1]
        if (ch.c !== ' ' || !prev || !next || prev.c === ' ' || next.c === ' ') return
        let left = Math.round(ch.x0 * PX)
        const stop = Math.round(prev.x0 * PX)
        while (left > stop && !inked(left - 1)) left--
        let right = Math.round(ch.x0 * PX)
        const end = Math.round(next.x1 * PX)
        while (right < end && !inked(right)) right++
        gaps.push({ x0: left / PX, x1: right / PX })
      })
      if (gaps.length > 0) out.push({ page, text: line.text, left: line.chars[0]!.x0, baseline: line.baseline, size: line.size, gaps })
    }
  }
  return out
}

/** Lines whose word gaps average more than LOOSE_EM of white. */
export function seenLoose(lines: SeenLine[]): SeenLine[] {
  return lines.filter((l) => l.gaps.reduce((sum, g) => sum + g.x1 - g.x0, 0) / l.gaps.length > LOOSE_EM * l.size)
}

/** Rivers: runs of RIVER_LINES or more lines in a row of a column with overlapping wide gaps; each run's lines. */
export function seenRivers(lines: SeenLine[]): SeenLine[][] {
  const rivers: SeenLine[][] = []
  const columns = new Map<string, SeenLine[]>()
  for (const line of lines) {
    // A column: the page and the line's left, to the nearest 20 pt (an indent stays in its column).
    const key = `${line.page}:${Math.round(line.left / 20)}`
    columns.set(key, [...(columns.get(key) ?? []), line])
  }
  for (const column of columns.values()) {
    column.sort((a, b) => a.baseline - b.baseline)
    const wide = (l: SeenLine): SeenLine['gaps'] => l.gaps.filter((g) => g.x1 - g.x0 > RIVER_EM * l.size)
    // Each wide gap starts a river or continues the one of an overlapping gap on the line just above.
    let open: { gap: SeenLine['gaps'][number]; run: SeenLine[] }[] = []
    column.forEach((line, i) => {
      const above = column[i - 1]
      const adjacent = above !== undefined && line.baseline - above.baseline < 2 * line.size
      const next: typeof open = []
      const continued = new Set<(typeof open)[number]>()
      for (const gap of wide(line)) {
        const from = adjacent ? open.find((o) => !continued.has(o) && o.gap.x0 < gap.x1 && gap.x0 < o.gap.x1) : undefined
        if (from) continued.add(from)
        next.push({ gap, run: [...(from?.run ?? []), line] })
      }
      for (const o of open) if (!continued.has(o) && o.run.length >= RIVER_LINES) rivers.push(o.run)
      open = next
    })
    for (const o of open) if (o.run.length >= RIVER_LINES) rivers.push(o.run)
  }
  return rivers
}
