/**
 * The font registry: which bundled font package sets each Unicode script, and
 * which faces an edition in a given language uses.
 *
 * A language's script comes from its BCP 47 tag (`Intl.Locale#maximize()`:
 * `ja` → Jpan, `zh-Hant` → Hant, `sr-Latn` → Latn). Han characters are shared
 * by Chinese, Japanese and Korean, so the language, not the character, picks
 * the face (and its CJK punctuation). Every stack ends with Noto Serif for
 * Latin, digits and punctuation, and with no generic family: a character no
 * listed face covers is found by the coverage check before rendering, never
 * left to the machine's fonts.
 *
 * `fonts:` in publication.yaml overrides a language's own font with another
 * package (`@fontsource/noto-sans-jp`) or a font file in the project
 * (`fonts/MyFace.woff2`, relative to the publication folder).
 */
import { existsSync } from 'node:fs'
import { isAbsolute, join, relative } from 'node:path'
import type { Publication } from '../project/load.ts'
import { problem, PressError } from '../util/problems.ts'
import { packageFaces, type FontFace } from './fonts.ts'
import { fileFace, FontFileError } from './font-file.ts'

export const LATIN_PACKAGE = '@fontsource/noto-serif'

/** The bundled package for each script (ISO 15924 code, as `Intl.Locale#maximize()` gives it). */
export const scriptPackages: Readonly<Record<string, string>> = {
  Latn: LATIN_PACKAGE,
  Grek: LATIN_PACKAGE,
  Cyrl: LATIN_PACKAGE,
  Hans: '@fontsource/noto-serif-sc',
  Hant: '@fontsource/noto-serif-tc',
  Jpan: '@fontsource/noto-serif-jp',
  Kore: '@fontsource/noto-serif-kr',
  Arab: '@fontsource/noto-naskh-arabic',
  Hebr: '@fontsource/noto-serif-hebrew',
  Deva: '@fontsource/noto-serif-devanagari',
  Beng: '@fontsource/noto-serif-bengali',
  Taml: '@fontsource/noto-serif-tamil',
  Thai: '@fontsource/noto-serif-thai',
  Armn: '@fontsource/noto-serif-armenian',
  Geor: '@fontsource/noto-serif-georgian',
  Ethi: '@fontsource/noto-sans-ethiopic',
}

/** What the registry needs of a publication: its folder and its `fonts:` overrides. */
export interface FontSettings {
  /** Absolute folder of the publication (font files are relative to it). */
  dir: string
  /** Project root (for messages). */
  root: string
  /** publication.yaml, relative to the root (for messages). */
  configPath: string
  fonts?: Readonly<Record<string, string>> | undefined
}

export interface LanguageFonts {
  language: string
  /** Script of the language (ISO 15924), e.g. "Jpan". */
  script: string
  /** Font families in order, as CSS names. */
  families: string[]
  /** Every face of those families. */
  faces: FontFace[]
  /** Where each family comes from (package name or project file), for messages. */
  origins: string[]
}

export function fontSettings(publication: Publication): FontSettings {
  return { dir: publication.dir, root: publication.root, configPath: publication.configPath, fonts: publication.config.fonts }
}

/** The script a language is written in, from its tag. */
export function scriptOf(language: string): string {
  try {
    return new Intl.Locale(language).maximize().script ?? 'Latn'
  } catch {
    return 'Latn'
  }
}

/** A configured font: a package name or a file of the project. */
export function isFontFile(value: string): boolean {
  return /\.(ttf|otf|woff2?)$/i.test(value)
}

const cache = new Map<string, LanguageFonts>()

/** The fonts an edition in `language` uses: its script's font (or the override), then Noto Serif. */
export function languageFonts(settings: FontSettings, language: string): LanguageFonts {
  const override = settings.fonts?.[language] ?? settings.fonts?.[language.split('-')[0]!]
  const key = `${settings.dir}\0${language}\0${override ?? ''}`
  const cached = cache.get(key)
  if (cached) return cached
  const script = scriptOf(language)
  const own = override ?? scriptPackages[script]
  const origins = [...new Set([own, LATIN_PACKAGE].filter((o): o is string => o !== undefined))]
  const byOrigin = origins.map((origin) => {
    const fail = (message: string, hint: string): never => {
      throw new PressError(problem(message, { file: settings.configPath, hint, ruleId: 'fonts' }))
    }
    if (!isFontFile(origin)) {
      try {
        return packageFaces(origin)
      } catch {
        return fail(
          `The font package ${origin} (fonts.${language}) is not installed or has no 400.css.`,
          `Install it (npm install ${origin}) or name another @fontsource package or a .woff2/.ttf/.otf file of the publication.`,
        )
      }
    }
    const path = isAbsolute(origin) ? origin : join(settings.dir, origin)
    if (!existsSync(path))
      fail(
        `The font file ${relative(settings.root, path)} (fonts.${language}) does not exist.`,
        'Paths in `fonts:` are relative to the publication folder.',
      )
    try {
      return [fileFace(path)]
    } catch (error) {
      if (error instanceof FontFileError)
        return fail(`${error.message} (fonts.${language})`, 'Use a TrueType (.ttf) font file or an @fontsource package.')
      throw error
    }
  })
  const faces = byOrigin.flat()
  const families = [...new Set(faces.map((face) => face.family))]
  const result = { language, script, families, faces, origins }
  cache.set(key, result)
  return result
}

/** The faces of several languages, without duplicates (for pages that show more than one). */
export function facesOfLanguages(settings: FontSettings, languages: readonly string[]): FontFace[] {
  const seen = new Map<string, FontFace>()
  for (const language of languages) for (const face of languageFonts(settings, language).faces) seen.set(face.path, face)
  return [...seen.values()]
}

/** A CSS font-family value: only bundled families, no generic family to fall back on. */
export function familyList(families: readonly string[]): string {
  return families.map((family) => `'${family.replace(/'/g, '')}'`).join(', ')
}

/**
 * `:lang(…)` rules giving each language its font stack. Shorter tags first, so
 * `:lang(zh-Hant)` comes after (and wins over) `:lang(zh)`.
 */
export function fontStackCss(settings: FontSettings, languages: readonly string[], selector = ''): string {
  return [...new Set(languages)]
    .sort((a, b) => a.length - b.length || a.localeCompare(b))
    .map((language) => `${selector}:lang(${language}) {\n  font-family: ${familyList(languageFonts(settings, language).families)};\n}`)
    .join('\n')
}
