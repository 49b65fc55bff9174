/**
 * Fonts come from @fontsource npm packages, so editions look the same on
 * every machine and never depend on system fonts. Each package ships
 * @font-face rules split by unicode-range; an edition takes only the faces
 * whose range covers characters it uses (for Chinese, a few of ~100 chunks).
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { basename, dirname, join } from 'node:path'

const require = createRequire(import.meta.url)

export interface FontFace {
  family: string
  style: 'normal' | 'italic'
  weight: number
  /** Absolute path of the woff2 file. */
  path: string
  fileName: string
  ranges: [number, number][]
}

/** The faces the editions use: family, package, weights, italics. */
const families = [
  { pkg: '@fontsource/noto-serif', css: ['400.css', '400-italic.css', '700.css', '700-italic.css'] },
  { pkg: '@fontsource/noto-serif-sc', css: ['400.css', '700.css'] },
  { pkg: '@fontsource/noto-naskh-arabic', css: ['400.css', '700.css'] },
]

let cache: FontFace[] | undefined

export function allFaces(): FontFace[] {
  cache ??= families.flatMap(({ pkg, css }) =>
    css.flatMap((name) => {
      const file = require.resolve(`${pkg}/${name}`)
      return parseFaces(readFileSync(file, 'utf8'), dirname(file))
    }),
  )
  return cache
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

/** Faces needed to show `text`. */
export function facesFor(text: string): FontFace[] {
  const points = new Set<number>()
  for (const char of text) points.add(char.codePointAt(0)!)
  const sorted = [...points].sort((a, b) => a - b)
  return allFaces().filter((face) => face.ranges.some(([from, to]) => sorted.some((p) => p >= from && p <= to)))
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
        `  src: url(${prefix}${face.fileName}) format('woff2');`,
        `  unicode-range: ${face.ranges.map(([a, b]) => (a === b ? `U+${a.toString(16)}` : `U+${a.toString(16)}-${b.toString(16)}`)).join(', ')};`,
        '}',
      ].join('\n'),
    )
    .join('\n\n')
}
