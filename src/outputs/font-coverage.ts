/**
 * Before rendering: every character an edition shows must be covered by one
 * of the fonts its language uses (src/outputs/font-registry.ts). A character
 * no configured font covers is an error at the first block that uses it,
 * naming the character and its Unicode script — never left to Chromium, which
 * would fall back to whatever fonts the machine has.
 *
 * Coverage is read from the @fontsource unicode-range lists (each list is the
 * code points of that file's slice of the font) and, for a project font file,
 * from its cmap.
 */
import type { VFileMessage } from 'vfile-message'
import type { EditionModel } from '../edition/model.ts'
import { problem, type Place } from '../util/problems.ts'
import { covers } from './fonts.ts'
import { languageFonts, type FontSettings } from './font-registry.ts'
import { uiPath } from '../project/paths.ts'

/** Scripts named in messages (Unicode Script property values). */
const scripts = [
  'Latin',
  'Greek',
  'Cyrillic',
  'Armenian',
  'Hebrew',
  'Arabic',
  'Syriac',
  'Thaana',
  'Devanagari',
  'Bengali',
  'Gurmukhi',
  'Gujarati',
  'Oriya',
  'Tamil',
  'Telugu',
  'Kannada',
  'Malayalam',
  'Sinhala',
  'Thai',
  'Lao',
  'Tibetan',
  'Myanmar',
  'Georgian',
  'Hangul',
  'Ethiopic',
  'Cherokee',
  'Khmer',
  'Mongolian',
  'Hiragana',
  'Katakana',
  'Bopomofo',
  'Han',
  'Yi',
  'Tifinagh',
  'Javanese',
  'Balinese',
  'Nko',
  'Adlam',
  'Vai',
].map((name) => ({ name, pattern: new RegExp(`^\\p{Script=${name}}$`, 'u') }))

/** Not drawn with a glyph of their own: spaces, controls, format characters (ZWJ, LRM …). */
const invisible = /^[\p{Cc}\p{Cf}\p{Zs}\p{Zl}\p{Zp}]$/u

export function scriptName(char: string): string {
  return scripts.find((s) => s.pattern.test(char))?.name ?? (/^\p{Script=Common}$/u.test(char) ? 'Common' : 'Unknown')
}

export interface TextAt {
  text: string
  /** Language whose fonts show the text. */
  language: string
  file: string
  place?: Place | undefined
}

/** The texts an edition shows, each with where it comes from. */
export function editionTexts(edition: EditionModel, configPath: string): TextAt[] {
  const file = edition.translation
  const texts: TextAt[] = edition.blocks.map((b) => {
    const fromTranslation = file && (b.status === 'translated' || b.status === 'stale')
    return fromTranslation
      ? { text: b.text, language: b.language, file: file.path, place: file.positions.keyPlaceOf(['entries', b.id]) }
      : { text: b.text, language: b.language, file: b.block.file, place: { line: b.block.line, column: b.block.column } }
  })
  for (const [key, value] of Object.entries(edition.meta)) {
    const text = Array.isArray(value) ? value.join(' ') : typeof value === 'string' ? value : ''
    const translated = file !== undefined && key in (file.data.publication ?? {})
    texts.push({
      text,
      language: edition.language, // shown in the edition's document, in its fonts
      file: translated ? file.path : configPath,
      place: translated ? file.positions.keyPlaceOf(['publication', key]) : undefined,
    })
  }
  texts.push({ text: edition.localizer.t('languageName'), language: edition.language, file: uiPath(edition.language) })
  return texts
}

/** One error per language and script that no configured font covers, at the first block that uses it. */
export function checkCoverage(settings: FontSettings, texts: readonly TextAt[]): VFileMessage[] {
  const seen = new Set<string>()
  const reported = new Set<string>()
  const messages: VFileMessage[] = []
  for (const at of texts) {
    const fonts = languageFonts(settings, at.language)
    for (const char of at.text) {
      if (seen.has(`${at.language}\0${char}`) || invisible.test(char)) continue
      seen.add(`${at.language}\0${char}`)
      const point = char.codePointAt(0)!
      if (covers(fonts.faces, point)) continue
      const script = scriptName(char)
      if (reported.has(`${at.language}\0${script}`)) continue
      reported.add(`${at.language}\0${script}`)
      const code = `U+${point.toString(16).toUpperCase().padStart(4, '0')}`
      messages.push(
        problem(
          `"${char}" (${code}, ${script} script) is not covered by any font configured for ${at.language} (${fonts.families.join(', ')}).`,
          {
            file: at.file,
            place: at.place,
            hint:
              `Install a font package that covers the ${script} script ` +
              '(an @fontsource Noto family, or a .ttf file in the publication) ' +
              `and name it for ${at.language} under \`fonts:\` in ${settings.configPath}; ` +
              "the build never falls back to the machine's fonts.",
            ruleId: 'font-coverage',
          },
        ),
      )
    }
  }
  return messages
}
