/** Shared assets of a publication's editions: stylesheets from templates/ and the fonts they need. */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { facesFor, fontFaceCss, type FontFace } from '../render/fonts.ts'
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
  const write = async (name: string, data: string | Uint8Array): Promise<void> => {
    const path = join(dir, name)
    await writeFileAtomic(path, data)
    written.push(path)
  }
  for (const name of stylesheets) await write(name, await readTemplate(root, name))
  const faces = facesFor(text)
  await write('fonts.css', fontFaceCss(faces, 'fonts/') + '\n')
  for (const face of faces) await write(join('fonts', face.fileName), await readFile(face.path))
  return { written, faces }
}
