/** What the pipeline knows about a language, from the runtime's CLDR data. */

export interface LanguageInfo {
  code: string
  /** Text direction. */
  dir: 'ltr' | 'rtl'
  /** The language's name in English (for logs and errors). */
  englishName: string
  /** CLDR plural categories, e.g. Arabic: zero, one, two, few, many, other. */
  pluralCategories: Intl.LDMLPluralRule[]
}

// Made at first use: loading the runtime's language names costs more than some commands' work.
let englishNames: Intl.DisplayNames | undefined
// Each Intl.Locale and Intl.PluralRules costs a CLDR lookup; every page asks again for the same few languages.
const known = new Map<string, LanguageInfo | undefined>()

/** Info for a known language code, or undefined for a code CLDR does not know. */
export function languageInfo(code: string): LanguageInfo | undefined {
  if (!known.has(code)) known.set(code, lookUp(code))
  const info = known.get(code)
  return info && { ...info, pluralCategories: [...info.pluralCategories] }
}

function lookUp(code: string): LanguageInfo | undefined {
  let name: string | undefined
  try {
    englishNames ??= new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' })
    name = englishNames.of(code)
  } catch {
    return undefined
  }
  if (!name) return undefined
  const locale = new Intl.Locale(code) as Intl.Locale & { textInfo?: { direction?: string } }
  return {
    code,
    dir: locale.textInfo?.direction === 'rtl' ? 'rtl' : 'ltr',
    englishName: name,
    pluralCategories: new Intl.PluralRules(code).resolvedOptions().pluralCategories,
  }
}

export function requireLanguage(code: string): LanguageInfo {
  const info = languageInfo(code)
  if (!info) throw new Error(`Unknown language code "${code}"`)
  return info
}
