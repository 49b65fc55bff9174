/**
 * One i18next instance per build of one language: never a global. Two
 * namespaces: `ui` for interface strings, and one per publication whose keys
 * are paragraph IDs. Content goes through verbatim (no interpolation, no
 * nesting): a translation containing `{{x}}` or `$t(…)` is text.
 */
import i18next, { type i18n as I18n } from 'i18next'

export interface I18nInput {
  language: string
  sourceLanguage: string
  /** Content namespace name (the publication ID). */
  namespace: string
  /** Interface strings per language. */
  ui: Record<string, Record<string, string>>
  /** Paragraph texts per language: { [id]: markdown }. Empty texts must be left out. */
  content: Record<string, Record<string, string>>
}

export interface Localizer {
  language: string
  /** An interface string, with interpolation and plurals (`count`). */
  t(key: string, values?: Record<string, unknown>): string
  /** A paragraph's Markdown by ID, verbatim, and the language it came from. */
  content(id: string): { text: string; language: string } | undefined
  /** Interface string of another language (e.g. its own name). */
  tIn(language: string, key: string, values?: Record<string, unknown>): string
}

export function createLocalizer(input: I18nInput): Localizer {
  const resources: Record<string, Record<string, Record<string, string>>> = {}
  for (const [language, strings] of Object.entries(input.ui)) {
    resources[language] = { ...resources[language], ui: strings }
  }
  for (const [language, texts] of Object.entries(input.content)) {
    resources[language] = { ...resources[language], [input.namespace]: texts }
  }
  const instance: I18n = i18next.createInstance()
  void instance.init({
    initAsync: false,
    lng: input.language,
    fallbackLng: input.sourceLanguage,
    supportedLngs: Object.keys(resources),
    ns: ['ui', input.namespace],
    defaultNS: 'ui',
    resources,
    keySeparator: false,
    nsSeparator: false,
    returnNull: false,
    returnEmptyString: false,
    interpolation: { escapeValue: false },
    showSupportNotice: false,
  } as Parameters<I18n['init']>[0])
  const missing = (key: string): never => {
    throw new Error(`Interface string "${key}" is missing in translations/${input.sourceLanguage}/ui.json`)
  }
  return {
    language: input.language,
    t(key, values) {
      if (!instance.exists(key, { ...values, ns: 'ui' })) missing(key)
      return instance.t(key, { ...values, ns: 'ui' }) as string
    },
    tIn(language, key, values) {
      return instance.t(key, { ...values, ns: 'ui', lng: language }) as string
    },
    content(id) {
      if (!instance.exists(id, { ns: input.namespace })) return undefined
      const details = instance.t(id, {
        ns: input.namespace,
        returnDetails: true,
        skipInterpolation: true,
      }) as unknown as { res: string; usedLng: string }
      if (!details.res) return undefined
      return { text: details.res, language: details.usedLng }
    },
  }
}
