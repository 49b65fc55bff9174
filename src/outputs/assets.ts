/** Shared assets of a publication's editions: stylesheets from templates/ and the fonts they need. */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { facesFor, fontFaceCss, type FontFace } from './fonts.ts'
import { writeFileAtomic } from '../util/files.ts'

export const ASSETS_DIR = 'assets'
export const TEMPLATES_DIR = 'templates'
const stylesheets = ['screen.css', 'print.css'] as const

export async function readTemplate(root: string, name: string): Promise<string> {
  return readFile(join(root, TEMPLATES_DIR, name), 'utf8')
}

/** Write stylesheets, fonts.css and the font files that `text` needs. Returns the paths written. */
export async function writeAssets(root: string, dir: string, text: string): Promise<{ written: string[]; faces: FontFace[] }> {
  const written: string[] = []
  for (const name of stylesheets) {
    await writeFileAtomic(join(dir, name), await readTemplate(root, name))
    written.push(join(dir, name))
  }
  const fonts = await writeFonts(dir, text)
  return { written: [...written, ...fonts.written], faces: fonts.faces }
}

/** `fonts.css` and, under `fonts/`, the bundled font files that `text` needs, in `dir`. */
export async function writeFonts(dir: string, text: string): Promise<{ written: string[]; faces: FontFace[] }> {
  const faces = facesFor(text)
  const written = [join(dir, 'fonts.css'), ...faces.map((face) => join(dir, 'fonts', face.fileName))]
  await writeFileAtomic(written[0]!, fontFaceCss(faces, 'fonts/') + '\n')
  for (const face of faces) await writeFileAtomic(join(dir, 'fonts', face.fileName), await readFile(face.path))
  return { written, faces }
}
