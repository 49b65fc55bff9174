/**
 * The faces the PDFs print with: the registry's, except Noto Naskh Arabic, which comes from Debian's
 * fonts-noto-core (full TrueType files) instead of @fontsource. Chromium's PDFs of the @fontsource cut
 * (Google Fonts' build) lose the text layer: pdftotext gave back 19% of the Arabic words whole (letters
 * apart, final forms on lines of their own); the same pages printed with the Debian files give back
 * over 98% (test/pdf/text-layer.test.ts measures it). The HTML and EPUB editions keep the @fontsource
 * files (browsers and reading systems shape them well; only the PDF's text layer suffers).
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import type { FontFace } from '../fonts.ts'
import { fileFace } from '../font-file.ts'

export const DEBIAN_NOTO_DIR = '/usr/share/fonts/truetype/noto'

/** Family → file of each weight in DEBIAN_NOTO_DIR. */
const replacements: Readonly<Record<string, Readonly<Record<number, string>>>> = {
  'Noto Naskh Arabic': { 400: 'NotoNaskhArabic-Regular.ttf', 700: 'NotoNaskhArabic-Bold.ttf' },
}

const cache = new Map<string, FontFace>()

export function printFaces(faces: readonly FontFace[], dir = DEBIAN_NOTO_DIR): FontFace[] {
  const out: FontFace[] = []
  const replaced = new Set<string>()
  for (const face of faces) {
    const files = replacements[face.family]
    if (!files || face.style !== 'normal') {
      out.push(face)
      continue
    }
    const file = files[face.weight] ?? files[400]!
    const path = join(dir, file)
    if (replaced.has(path)) continue
    replaced.add(path)
    if (!existsSync(path))
      throw new Error(
        `${path} is missing: the PDFs print ${face.family} from Debian's fonts-noto-core ` +
          '(run `node scripts/setup.mjs --for=build`, or `sudo apt-get install fonts-noto-core`)',
      )
    let prepared = cache.get(path)
    if (!prepared) {
      prepared = { ...fileFace(path), family: face.family, weight: files[face.weight] ? face.weight : 400 }
      cache.set(path, prepared)
    }
    out.push(prepared)
  }
  return out
}
