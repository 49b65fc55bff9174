/**
 * A build's language editions, each localized at most once and only when
 * needed: a unit to run needs the editions it shows; everything else (titles,
 * messages, links, the fonts' characters, `--strict`) reads a language's
 * summary, kept in the cache under a fingerprint of what the edition reads
 * (src/commands/build/summary.ts). A build whose French entry changed
 * localizes French (and the source, which its review page pairs with) only.
 */
import type { VFileMessage } from 'vfile-message'
import type { Publication } from '../../project/load.ts'
import type { IdentifiedSources } from '../../ids/resolve.ts'
import type { PublicationTranslations } from '../../i18n/load.ts'
import type { UiFile } from '../../i18n/ui-strings.ts'
import { prepareEdition, type EditionModel } from '../../edition/model.ts'
import { summarize, summaryMessages, type EditionSummary, type SummaryCache } from './summary.ts'

export interface EditionInputs {
  publication: Publication
  sources: IdentifiedSources
  translations: PublicationTranslations
  ui: Map<string, UiFile>
  /** Each language's edition key (`PublicationPlan.editionKeys`). */
  keys: Readonly<Record<string, string>>
  /** Where summaries are kept (none: `--no-cache`). */
  cache: SummaryCache | undefined
  /** How an edition is made (the preview's session keeps them); `prepareEdition` by default. */
  make?: ((language: string) => EditionModel) | undefined
}

export class EditionStore {
  readonly #inputs: EditionInputs
  readonly #editions = new Map<string, EditionModel>()
  readonly #summaries = new Map<string, EditionSummary>()

  constructor(inputs: EditionInputs) {
    this.#inputs = inputs
  }

  /** The language's edition, localized now unless it was already. */
  edition(language: string): EditionModel {
    let edition = this.#editions.get(language)
    if (!edition) {
      const { publication, sources, translations, ui, make } = this.#inputs
      edition = make ? make(language) : prepareEdition(publication, sources, translations, ui, language)
      this.#editions.set(language, edition)
    }
    return edition
  }

  /** The editions of these languages, in their order. */
  editions(languages: readonly string[]): EditionModel[] {
    return languages.map((language) => this.edition(language))
  }

  /** The language's summary: from its edition when built, else from the cache, else from an edition made now. */
  async summary(language: string): Promise<EditionSummary> {
    const known = this.#summaries.get(language)
    if (known) return known
    const { cache, keys, translations, publication } = this.#inputs
    const key = keys[language]
    const built = this.#editions.get(language)
    let summary = built || !cache || key === undefined ? undefined : await cache.get(key)
    if (!summary) {
      summary = summarize(this.edition(language), translations, publication.configPath)
      if (cache && key !== undefined) await cache.put(key, summary)
    }
    this.#summaries.set(language, summary)
    return summary
  }

  async summaries(languages: readonly string[]): Promise<EditionSummary[]> {
    const list: EditionSummary[] = []
    for (const language of languages) list.push(await this.summary(language))
    return list
  }

  /** The language's messages: its edition's when built, else its summary's. */
  async messages(language: string): Promise<VFileMessage[]> {
    return this.#editions.get(language)?.messages ?? summaryMessages(await this.summary(language))
  }
}
