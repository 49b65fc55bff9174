/**
 * Print-quality measures on a PDF, read back with mutool's structured text
 * (`mutool draw -F stext`, one <char> per glyph with its quad, spaces included):
 * loose lines, straight quotes, and paragraphs of a CJK edition ending on one character.
 */
import { execFileSync } from 'node:child_process'

export interface Line {
  page: number
  size: number
  /** The line's characters in order; `x0`/`x1` the left and right of each glyph. */
  chars: { c: string; x0: number; x1: number }[]
  text: string
  /** The baseline (pt from the page's top). */
  baseline: number
}

/** Every text line of a PDF (a line mutool cuts at a wide word gap made whole again). */
export function stextLines(pdf: string): Line[] {
  const xml = execFileSync('mutool', ['draw', '-F', 'stext', '-o', '-', pdf], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'ignore'],
  })
  const lines: Line[] = []
  let page = 0
  for (const part of xml.split(/<page /).slice(1)) {
    page++
    for (const blockXml of part.split(/<block /).slice(1)) {
      let previous: Line | undefined
      for (const lineXml of blockXml.split(/<line /).slice(1)) {
        const size = Number(/<font [^>]*size="([\d.]+)"/.exec(lineXml)?.[1] ?? 0)
        const chars = [...lineXml.matchAll(/<char quad="([\d.-]+) [\d.-]+ ([\d.-]+)[^"]*"[^>]*c="([^"]*)"/g)].map((m) => ({
          x0: Number(m[1]),
          x1: Number(m[2]),
          c: decode(m[3]!),
        }))
        const baseline = Number(/<char [^>]* y="([\d.-]+)"/.exec(lineXml)?.[1] ?? 0)
        // mutool ends a line at a wide gap and starts another on the same baseline: one line, as it is printed.
        const gap = previous && chars[0] ? chars[0].x0 - previous.chars.at(-1)!.x1 : Infinity
        if (previous?.text.endsWith(' ') && previous.size === size && Math.abs(previous.baseline - baseline) < 0.5 && gap < 10 * size) {
          previous.chars.push(...chars)
          previous.text += chars.map((ch) => ch.c).join('')
          continue
        }
        previous = { page, size, chars, text: chars.map((ch) => ch.c).join(''), baseline }
        lines.push(previous)
      }
    }
  }
  return lines
}

function decode(text: string): string {
  return text
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
}

/** The font size most of the text is set in (the body text). */
export function bodySize(lines: Line[]): number {
  const counts = new Map<number, number>()
  for (const line of lines) counts.set(line.size, (counts.get(line.size) ?? 0) + line.chars.length)
  return [...counts].sort((a, b) => b[1] - a[1])[0]![0]
}

/**
 * Loose lines of left-to-right body text (right-to-left lines, set ragged, are not counted): lines whose mean word gap
 * (from a space's left to the next glyph) exceeds `factor` times the font's own space (the space glyph's advance).
 */
export function looseLines(
  lines: Line[],
  options: { size?: number; factor?: number } = {},
): { lines: number; loose: number; share: number } {
  const size = options.size ?? bodySize(lines)
  const factor = options.factor ?? 2
  let counted = 0
  let loose = 0
  for (const line of lines.filter((l) => Math.abs(l.size - size) < 0.05 && !rightToLeft(l))) {
    const gaps: number[] = []
    const spaces: number[] = []
    line.chars.forEach((ch, i) => {
      const next = line.chars[i + 1]
      if (ch.c !== ' ' || !next || next.c === ' ' || i === 0) return
      gaps.push(next.x0 - ch.x0)
      spaces.push(ch.x1 - ch.x0)
    })
    if (gaps.length === 0) continue
    counted++
    if (mean(gaps) > factor * mean(spaces)) loose++
  }
  return { lines: counted, loose, share: counted ? loose / counted : 0 }
}

/** A line of right-to-left text (Arabic, Hebrew, Syriac, Thaana, N'Ko): set ragged, never justified. */
export function rightToLeft(line: Line): boolean {
  return /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u.test(line.text)
}

/** Straight quotes (" and ') in body text. */
export function straightQuotes(lines: Line[], size = bodySize(lines)): number {
  return lines.filter((l) => Math.abs(l.size - size) < 0.05).reduce((n, l) => n + (l.text.match(/["']/g)?.length ?? 0), 0)
}

/**
 * Lines of CJK body text that hold a single character and its punctuation: a paragraph that ends on one
 * character ("域。").
 */
export function singleCharacterLines(lines: Line[], size = bodySize(lines)): string[] {
  return lines
    .filter((l) => Math.abs(l.size - size) < 0.05)
    .map((l) => l.text.trim())
    .filter((text) => /^\p{Script=Han}[\p{P}]*$/u.test(text))
}

function mean(values: number[]): number {
  return values.reduce((a, b) => a + b, 0) / values.length
}
