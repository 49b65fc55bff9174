/** Shared assets of a publication's editions: stylesheets from templates/ and the fonts they need. */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { facesFor, fontFaceCss, type FontFace } from './fonts.ts'
import { facesOfLanguages, fontStackCss, type FontSettings } from './font-registry.ts'
import { writeFileAtomic } from '../util/files.ts'

export const ASSETS_DIR = 'assets'
export const TEMPLATES_DIR = 'templates'
/** The stylesheets the shared assets copy from templates/ (what their cache keys read). */
export const ASSET_STYLESHEETS = ['screen.css', 'print.css'] as const

export async function readTemplate(root: string, name: string): Promise<string> {
  return readFile(join(root, TEMPLATES_DIR, name), 'utf8')
}

/** Writes one file (atomically); the build passes one that records what a work unit wrote. */
export type Write = (path: string, data: string | Uint8Array) => Promise<void>

/** The text shown in one language, for picking its fonts. */
export interface LanguageText {
  language: string
  text: string
}

/** Write stylesheets, fonts.css and the font files that the texts need. Returns the paths written. */
export async function writeAssets(
  root: string,
  dir: string,
  texts: readonly LanguageText[],
  settings: FontSettings,
  write: Write = writeFileAtomic,
): Promise<{ written: string[]; faces: FontFace[] }> {
  const written: string[] = []
  for (const name of ASSET_STYLESHEETS) {
    await write(join(dir, name), await readTemplate(root, name))
    written.push(join(dir, name))
  }
  const fonts = await writeFonts(dir, texts, () => settings, write)
  return { written: [...written, ...fonts.written], faces: fonts.faces }
}

/**
 * `fonts.css` (the @font-face rules and each language's font stack) and, under
 * `fonts/`, the registry's font files that each language's text needs, in `dir`.
 */
export async function writeFonts(
  dir: string,
  texts: readonly LanguageText[],
  settingsOf: (language: string) => FontSettings,
  write: Write = writeFileAtomic,
): Promise<{ written: string[]; faces: FontFace[] }> {
  const byPath = new Map<string, FontFace>()
  for (const { language, text } of texts)
    for (const face of facesFor(text, facesOfLanguages(settingsOf(language), [language]))) byPath.set(face.path, face)
  const faces = [...byPath.values()]
  const languages = [...new Set(texts.map((t) => t.language))].sort((a, b) => a.length - b.length || a.localeCompare(b))
  const stacks = languages.map((language) => fontStackCss(settingsOf(language), [language])).join('\n')
  const written = [join(dir, 'fonts.css'), ...faces.map((face) => join(dir, 'fonts', face.fileName))]
  await write(written[0]!, fontFaceCss(faces, 'fonts/') + '\n\n' + stacks + '\n')
  for (const face of faces) await write(join(dir, 'fonts', face.fileName), await readFile(face.path))
  return { written, faces }
}
