/**
 * The fonts an EPUB edition embeds, so Chinese and Arabic display on reading
 * systems that have no such fonts. Two cuts: first the @fontsource faces whose
 * unicode-range covers characters of the edition (for Chinese, a few dozen of
 * ~100 slices per weight), in the families the stylesheet names for the
 * language; then each face subset with HarfBuzz (subset-font) to the glyphs of
 * the edition's text, keeping the OpenType layout Arabic shaping needs.
 * HarfBuzz and the WOFF2 encoder run as WebAssembly: same text, same bytes
 * (subset.ts runs them in worker threads and caches the subsets).
 */
import { facesFor, type FontFace } from '../fonts.ts'
import { FontSubsetter } from './subset.ts'

export interface EmbeddedFont {
  face: FontFace
  data: Uint8Array
}

/** Printable ASCII is always kept: digits and punctuation reading systems may show around the text. */
const ASCII = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)).join('')

/**
 * `candidates`: the registry's faces of the edition's languages (src/outputs/font-registry.ts).
 * `subsetter` shares workers and cache across editions; without one, subsets in this thread, uncached.
 */
export async function embeddedFonts(
  candidates: readonly FontFace[],
  text: string,
  subsetter: FontSubsetter = new FontSubsetter({ jobs: 1 }),
): Promise<EmbeddedFont[]> {
  const faces = facesFor(text, candidates).map((face) =>
    face.format === 'truetype' ? { ...face, format: 'woff2' as const, fileName: face.fileName.replace(/\.ttf$/i, '.woff2') } : face,
  )
  const glyphs = [...new Set(ASCII + text.replace(/\s+/g, ' '))].sort().join('')
  return Promise.all(faces.map(async (face) => ({ face, data: await subsetter.subset(face.path, glyphs) })))
}
