/**
 * Invisible characters: bidi controls and zero-width characters reorder or
 * split text unpredictably. The one definition of which characters they are,
 * for translation entries (qa/invisible.ts) and every other translatable
 * string (publication metadata, ui.json).
 */

export const invisibleNames: Record<number, string> = {
  0x200b: 'ZERO WIDTH SPACE',
  0x200c: 'ZERO WIDTH NON-JOINER',
  0x200d: 'ZERO WIDTH JOINER',
  0x200e: 'LEFT-TO-RIGHT MARK',
  0x200f: 'RIGHT-TO-LEFT MARK',
  0x061c: 'ARABIC LETTER MARK',
  0x202a: 'LEFT-TO-RIGHT EMBEDDING',
  0x202b: 'RIGHT-TO-LEFT EMBEDDING',
  0x202c: 'POP DIRECTIONAL FORMATTING',
  0x202d: 'LEFT-TO-RIGHT OVERRIDE',
  0x202e: 'RIGHT-TO-LEFT OVERRIDE',
  0x2060: 'WORD JOINER',
  0x2066: 'LEFT-TO-RIGHT ISOLATE',
  0x2067: 'RIGHT-TO-LEFT ISOLATE',
  0x2068: 'FIRST STRONG ISOLATE',
  0x2069: 'POP DIRECTIONAL ISOLATE',
  0xfeff: 'ZERO WIDTH NO-BREAK SPACE (BOM)',
}
/** Directional marks: tolerated (a warning in entries). */
export const invisibleMarks = new Set([0x200e, 0x200f, 0x061c])
/** Joiners: tolerated where the script uses them. */
export const invisibleJoiners = new Set([0x200c, 0x200d])
export const joiningLanguages = new Set([
  'ar',
  'fa',
  'ur',
  'ps',
  'sd',
  'ug',
  'hi',
  'mr',
  'ne',
  'bn',
  'ta',
  'te',
  'kn',
  'ml',
  'si',
  'gu',
  'pa',
  'or',
])

export function invisibleName(code: number): string {
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')} ${invisibleNames[code]}`
}

/**
 * The first invisible character of `text` that is an error in `language`
 * (marks are tolerated, joiners in scripts that join): its UTF-16 offset and name.
 */
export function firstInvisibleError(text: string, language: string): { offset: number; name: string } | undefined {
  const base = language.split('-')[0]!
  let offset = 0
  for (const char of text) {
    const code = char.codePointAt(0)!
    const tolerated = invisibleMarks.has(code) || (invisibleJoiners.has(code) && joiningLanguages.has(base))
    if (invisibleNames[code] && !tolerated) return { offset, name: invisibleName(code) }
    offset += char.length
  }
  return undefined
}

export const invisibleHint = 'Remove it (an invisible bidi control or zero-width character reorders or splits the text on some readers).'
