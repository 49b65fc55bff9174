/**
 * Missing glyphs on a rendered PDF page (shared by the glyph tests): the
 * glyphs mutool traces, the ink pdftoppm finds, and the check that every glyph
 * comes from a bundled Noto face and is not .notdef.
 */
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { tool } from './tools.ts'

export interface Glyph {
  font: string
  glyph: number
  unicode: string
  advance: number
}

export function glyphs(file: string, page: number): Glyph[] {
  const out: Glyph[] = []
  let font = ''
  for (const line of tool('mutool', ['trace', file, String(page)]).split('\n')) {
    const span = /<span font="([^"]+)"/.exec(line)
    if (span) font = span[1]!
    const g = /<g unicode="([^"]*)" glyph="(\d+)".*adv="([\d.]+)"/.exec(line)
    if (g) out.push({ font, glyph: Number(g[2]), unicode: g[1]!, advance: Number(g[3]) })
  }
  return out
}

/** Share of dark pixels on a page rendered by pdftoppm (8-bit grey PGM). */
export function ink(file: string, page: number): number {
  const pgm = execFileSync('pdftoppm', ['-gray', '-r', '50', '-f', String(page), '-l', String(page), file], { maxBuffer: 64 * 1024 * 1024 })
  const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.subarray(0, 40).toString('latin1'))!
  const pixels = pgm.subarray(header[0].length)
  let dark = 0
  for (const value of pixels) if (value < 128) dark++
  return dark / pixels.length
}

/**
 * `unicodes`: whether mutool's character for each glyph is trusted (not for Arabic: mutool names shaped
 * Arabic glyphs from the font, not the ToUnicode map, and gives U+FFFD for many).
 */
export function assertRealGlyphs(found: Glyph[], where: string, unicodes = true): void {
  assert.ok(found.length > 10, `${where}: no text drawn`)
  for (const g of found) {
    assert.notEqual(g.glyph, 0, `${where}: .notdef (missing glyph box) drawn for "${g.unicode}" in ${g.font}`)
    assert.match(g.font, /^[A-Z]{6}\+Noto(Serif|Sans|Naskh)/, `${where}: glyph "${g.unicode}" from ${g.font}, not a bundled font`)
    // A zero-advance mark shaped into a cluster (the madda of آ) has its character on the base glyph.
    if (unicodes && g.advance > 0) assert.doesNotMatch(g.unicode, /^$|\uFFFD/, `${where}: glyph ${g.glyph} has no character`)
  }
}
