/**
 * Fonts come from @fontsource npm packages, so editions look the same on
 * every machine and never depend on system fonts. Each package ships
 * @font-face rules split by unicode-range; an edition takes only the faces
 * whose range covers characters it uses (for Chinese, a few of ~100 chunks).
 */
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { basename, dirname, join } from 'node:path'

const requireHere = createRequire(import.meta.url)

export interface FontFace {
  family: string
  style: 'normal' | 'italic'
  weight: number
  /** Absolute path of the woff2 file. */
  path: string
  fileName: string
  /** CSS format of the file (default woff2). */
  format?: 'woff2' | 'truetype'
  ranges: [number, number][]
}

/** The cuts the editions use of every package: regular and bold, and their italics where the package has them. */
const cuts = ['400.css', '400-italic.css', '700.css', '700-italic.css']

const cache = new Map<string, FontFace[]>()

/** Every face of an @fontsource package (throws when it is not installed). */
export function packageFaces(pkg: string): FontFace[] {
  let faces = cache.get(pkg)
  if (!faces) {
    const dir = dirname(requireHere.resolve(`${pkg}/400.css`))
    faces = cuts.filter((name) => existsSync(join(dir, name))).flatMap((name) => parseFaces(readFileSync(join(dir, name), 'utf8'), dir))
    cache.set(pkg, faces)
  }
  return faces
}

function parseFaces(css: string, base: string): FontFace[] {
  const faces: FontFace[] = []
  for (const [, body] of css.matchAll(/@font-face\s*{([^}]*)}/g)) {
    const get = (name: string): string | undefined => new RegExp(`${name}:\\s*([^;]+);`).exec(body!)?.[1]?.trim()
    const url = /url\(([^)]+\.woff2)\)/.exec(body!)?.[1]
    const family = get('font-family')?.replace(/['"]/g, '')
    if (!url || !family) continue
    const path = join(base, url)
    faces.push({
      family,
      style: get('font-style') === 'italic' ? 'italic' : 'normal',
      weight: Number(get('font-weight') ?? 400),
      path,
      fileName: basename(path),
      ranges: parseRanges(get('unicode-range') ?? 'U+0-10FFFF'),
    })
  }
  return faces
}

function parseRanges(value: string): [number, number][] {
  return value.split(',').map((part) => {
    const [from, to] = part.trim().replace(/^U\+/i, '').split('-')
    const start = parseInt(from!, 16)
    return [start, to ? parseInt(to, 16) : start]
  })
}

/** Those of `faces` (the registry's faces of the languages shown) needed to show `text`. */
export function facesFor(text: string, faces: readonly FontFace[]): FontFace[] {
  const points = new Set<number>()
  for (const char of text) points.add(char.codePointAt(0)!)
  const sorted = [...points].sort((a, b) => a - b)
  return faces.filter((face) => face.ranges.some(([from, to]) => (sorted[firstAtLeast(sorted, from)] ?? Infinity) <= to))
}

/** The index of the first of the ascending `sorted` that is at least `value` (its length when none is). */
function firstAtLeast(sorted: readonly number[], value: number): number {
  let low = 0
  let high = sorted.length
  while (low < high) {
    const middle = (low + high) >>> 1
    if (sorted[middle]! < value) low = middle + 1
    else high = middle
  }
  return low
}

/** Whether one of `faces` covers the code point (by unicode-range, or a project file's cmap). */
export function covers(faces: readonly FontFace[], point: number): boolean {
  return faces.some((face) => face.ranges.some(([from, to]) => point >= from && point <= to))
}

/** @font-face rules for `faces`, with font files under `prefix`. */
export function fontFaceCss(faces: FontFace[], prefix: string): string {
  return faces
    .map((face) =>
      [
        '@font-face {',
        `  font-family: '${face.family}';`,
        `  font-style: ${face.style};`,
        `  font-weight: ${face.weight};`,
        '  font-display: block;',
        `  src: url(${prefix}${face.fileName}) format('${face.format ?? 'woff2'}');`,
        '  unicode-range: ' +
          face.ranges.map(([a, b]) => (a === b ? `U+${a.toString(16)}` : `U+${a.toString(16)}-${b.toString(16)}`)).join(', ') +
          ';',
        '}',
      ].join('\n'),
    )
    .join('\n\n')
}
