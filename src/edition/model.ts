/**
 * Everything a format writer needs to render one language edition: its
 * localizer (one i18next instance), translated metadata, translation status,
 * and the localized mdast and hast, built once per build and frozen: writers
 * never change them (they copy what they change, see `copyContent`).
 */
import { join } from 'node:path'
import type { Publication } from '../project/load.ts'
import { createLocalizer, type Localizer } from '../i18n/instance.ts'
import { requireLanguage } from '../project/languages.ts'
import { isTranslated, type LoadedTranslation, type PublicationMeta } from '../i18n/translation-file.ts'
import { readUiStrings, type UiFile } from '../i18n/ui-strings.ts'
import { editionContent, type EditionContent } from './content.ts'
import { localize, type LocalizedEdition } from './localize.ts'
import type { IdentifiedSources } from '../ids/resolve.ts'
import { uiPath } from '../project/paths.ts'
import type { PublicationTranslations } from '../i18n/load.ts'
import type { Element } from 'hast'
import { visit } from 'unist-util-visit'
import type { SourceImage } from '../source/images.ts'
import { span } from '../util/trace.ts'

export interface EditionModel {
  language: string
  dir: 'ltr' | 'rtl'
  isSource: boolean
  localizer: Localizer
  meta: Required<Pick<PublicationMeta, 'title' | 'issuer' | 'publisher' | 'date'>> & PublicationMeta
  translation: LoadedTranslation | undefined
  /** Block statuses and problems found while localizing (computed once). */
  blocks: LocalizedEdition['blocks']
  messages: LocalizedEdition['messages']
  /** The localized mdast (frozen). */
  tree: LocalizedEdition['tree']
  /** The hast content (frozen). */
  content: EditionContent
  /** The local images the content shows (`src` = `name`), for writers to copy. */
  images: readonly SourceImage[]
  counts: { translated: number; stale: number; fallback: number }
  /** A language's name in this edition's language. */
  languageName(code: string): string
}

export async function loadUi(root: string, languages: readonly string[]): Promise<Map<string, UiFile>> {
  const ui = new Map<string, UiFile>()
  for (const language of languages) ui.set(language, await readUiStrings(join(root, uiPath(language)), uiPath(language), language))
  return ui
}

export function prepareEditions(
  publication: Publication,
  sources: IdentifiedSources,
  translations: PublicationTranslations,
  ui: Map<string, UiFile>,
  languages: readonly string[],
): EditionModel[] {
  return languages.map((language) => span(`edition ${language}`, () => prepareEdition(publication, sources, translations, ui, language)))
}

/** One language's edition: it reads the sources, that language's translation and every language's interface strings. */
export function prepareEdition(
  publication: Publication,
  sources: IdentifiedSources,
  translations: PublicationTranslations,
  ui: Map<string, UiFile>,
  language: string,
): EditionModel {
  const { config } = publication
  const uiStrings = Object.fromEntries([...ui].map(([code, file]) => [code, file.strings]))
  // The localizer falls back to the source language only: no other language's texts are needed.
  const content: Record<string, Record<string, string>> = {
    [config.sourceLanguage]: Object.fromEntries(sources.blocks.map((block, i) => [sources.ids[i]!, block.text])),
  }
  const file = translations.files.get(language)
  if (file && language !== config.sourceLanguage)
    content[language] = Object.fromEntries(
      Object.entries(file.data.entries)
        .filter(([, entry]) => isTranslated(entry))
        .map(([id, entry]) => [id, entry.text]),
    )
  const isSource = language === config.sourceLanguage
  const localizer = createLocalizer({ language, sourceLanguage: config.sourceLanguage, namespace: config.id, ui: uiStrings, content })
  const translation = file
  const names = new Intl.DisplayNames([language], { type: 'language' })
  const source = {
    title: config.title,
    subtitle: config.subtitle,
    issuer: config.issuer,
    publisher: config.publisher,
    date: formatDate(config.date, config.sourceLanguage),
    description: config.description,
    keywords: config.keywords,
  }
  const translated = translation?.data.publication ?? {}
  const meta = isSource ? source : { ...source, date: formatDate(config.date, language), ...dropEmpty(translated) }
  const first = localize({
    sources,
    localizer,
    sourceLanguage: config.sourceLanguage,
    entries: translation?.data.entries,
    translationPath: translation?.path,
    placeOf: (id) => translation?.positions.placeOf(['entries', id, 'text']),
  })
  // Remembered: a review page asks for the same few names on every row, and each ICU look-up is slow.
  const known = new Map<string, string>()
  const languageName = (code: string): string => {
    let name = known.get(code)
    if (name === undefined) known.set(code, (name = names.of(code) ?? code))
    return name
  }
  const hast = deepFreeze(editionContent(first, localizer, { languageName, tocDepth: config.toc.depth }))
  const shown = new Set<string>()
  for (const child of hast.children)
    visit(child, 'element', (el: Element) => void (el.tagName === 'img' && shown.add(String(el.properties.src))))
  const counts = { translated: 0, stale: 0, fallback: 0 }
  for (const block of first.blocks) {
    if (block.status === 'stale') counts.stale++
    else if (block.status === 'fallback') counts.fallback++
    else counts.translated++
  }
  return {
    language,
    dir: requireLanguage(language).dir,
    isSource,
    localizer,
    meta,
    translation,
    blocks: first.blocks,
    messages: first.messages,
    tree: deepFreeze(first.tree),
    content: hast,
    images: sources.images.filter((image) => shown.has(image.name)),
    counts,
    languageName,
  }
}

/** Freeze a tree and everything in it: a writer that changes the edition fails loudly. */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const child of Object.values(value)) deepFreeze(child)
  }
  return value
}

function dropEmpty<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== '')) as Partial<T>
}

/** "2019-10" as "October 2019" in the language's own words. */
export function formatDate(date: string, language: string): string {
  const [year, month, day] = date.split('-').map(Number)
  const value = new Date(Date.UTC(year!, (month ?? 1) - 1, day ?? 1))
  const options: Intl.DateTimeFormatOptions = {
    timeZone: 'UTC',
    year: 'numeric',
    ...(month ? { month: 'long' } : {}),
    ...(day ? { day: 'numeric' } : {}),
  }
  return new Intl.DateTimeFormat(language, options).format(value)
}
