/**
 * A font file of the project (`fonts: { am: fonts/MyFace.ttf }`): its family
 * name and the characters its cmap really maps. TrueType outlines only: CFF
 * (.otf) fonts become Type 3 fonts in Chromium's PDFs.
 */
import { readFileSync } from 'node:fs'
import { basename } from 'node:path'
import type { FontFace } from './fonts.ts'

export class FontFileError extends Error {}

/** The face of a .ttf file, covering exactly the code points of its cmap. */
export function fileFace(path: string): FontFace {
  const data = readFileSync(path)
  const tables = tableDirectory(data, path)
  if (!tables.has('glyf'))
    throw new FontFileError(`${basename(path)} has no TrueType outlines (glyf table); CFF fonts become Type 3 fonts in PDFs.`)
  const cmap = tables.get('cmap')
  if (cmap === undefined) throw new FontFileError(`${basename(path)} has no cmap table.`)
  return {
    family: basename(path).replace(/\.[^.]+$/, ''),
    style: 'normal',
    weight: 400,
    path,
    fileName: basename(path),
    format: 'truetype',
    ranges: cmapRanges(data, cmap),
  }
}

function tableDirectory(data: Buffer, path: string): Map<string, number> {
  const version = data.readUInt32BE(0)
  if (version !== 0x00010000 && version !== 0x74727565) throw new FontFileError(`${basename(path)} is not a TrueType (.ttf) font.`)
  const tables = new Map<string, number>()
  const count = data.readUInt16BE(4)
  for (let i = 0; i < count; i++) {
    const record = 12 + i * 16
    tables.set(data.toString('latin1', record, record + 4), data.readUInt32BE(record + 8))
  }
  return tables
}

/** Code point ranges of the best Unicode subtable (format 12, else format 4). */
function cmapRanges(data: Buffer, cmap: number): [number, number][] {
  const count = data.readUInt16BE(cmap + 2)
  const subtables: number[] = []
  for (let i = 0; i < count; i++) {
    const platform = data.readUInt16BE(cmap + 4 + i * 8)
    const encoding = data.readUInt16BE(cmap + 6 + i * 8)
    if (platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10)))
      subtables.push(cmap + data.readUInt32BE(cmap + 8 + i * 8))
  }
  const format12 = subtables.find((offset) => data.readUInt16BE(offset) === 12)
  if (format12 !== undefined) {
    const groups = data.readUInt32BE(format12 + 12)
    return Array.from({ length: groups }, (_, i): [number, number] => [
      data.readUInt32BE(format12 + 16 + i * 12),
      data.readUInt32BE(format12 + 20 + i * 12),
    ])
  }
  const format4 = subtables.find((offset) => data.readUInt16BE(offset) === 4)
  if (format4 === undefined) return []
  const segments = data.readUInt16BE(format4 + 6) / 2
  const ends = format4 + 14
  const starts = ends + segments * 2 + 2
  const deltas = starts + segments * 2
  const rangeOffsets = deltas + segments * 2
  const ranges: [number, number][] = []
  for (let s = 0; s < segments; s++) {
    const end = data.readUInt16BE(ends + s * 2)
    const start = data.readUInt16BE(starts + s * 2)
    if (start === 0xffff) continue
    const delta = data.readInt16BE(deltas + s * 2)
    const rangeOffset = data.readUInt16BE(rangeOffsets + s * 2)
    for (let c = start; c <= end; c++) {
      let glyph: number
      if (rangeOffset === 0) glyph = (c + delta) & 0xffff
      else {
        const at = rangeOffsets + s * 2 + rangeOffset + (c - start) * 2
        glyph = data.readUInt16BE(at)
        if (glyph !== 0) glyph = (glyph + delta) & 0xffff
      }
      if (glyph === 0) continue
      const last = ranges.at(-1)
      if (last && last[1] === c - 1) last[1] = c
      else ranges.push([c, c])
    }
  }
  return ranges
}
