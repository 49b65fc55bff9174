/**
 * The one interface every output implements. An output is told what the build
 * made (the editions, built once) and where to write; it writes its files
 * through `write` and returns the facts the manifest lists (format, language,
 * page counts), never re-reading what it wrote.
 */
import type { EditionModel } from '../edition/model.ts'
import type { PublicationTranslations } from '../i18n/load.ts'
import type { IdentifiedSources } from '../ids/resolve.ts'
import type { Publication } from '../project/load.ts'
import type { Logger } from '../util/logger.ts'
import type { BuildIdentity } from './colophon.ts'
import type { EditionFormat } from './downloads/manifest.ts'
import type { BrowserSession } from './pdf/session.ts'
import type { FontSubsetter } from './epub/subset.ts'
import type { FontSettings } from './font-registry.ts'

/** What an output's bytes depend on (for the incremental cache: change one, rebuild the output). */
export type OutputInput =
  | 'sources'
  | 'lock'
  /** The translation files of the languages the output shows. */
  | 'translations'
  | 'ui-strings'
  | 'templates'
  | 'fonts'
  | 'config'

/** A language edition as the others link to it. */
export interface EditionLanguage {
  language: string
  dir: 'ltr' | 'rtl'
  /** The language's name for itself (its `languageName` interface string). */
  name: string
}

export interface OutputContext {
  publication: Publication
  sources: IdentifiedSources
  translations: PublicationTranslations
  /** The editions this build made: every language that a unit to run shows (a review page's or parallel text's pair too). */
  editions: readonly EditionModel[]
  /** Every language of the publication, built or not, as the HTML editions link to it. */
  languages: readonly EditionLanguage[]
  /** The editions asked for (`--lang`), in order. */
  selected: readonly EditionModel[]
  /** [source, target] for each target language asked for. */
  pairs: readonly [string, string][]
  identity: BuildIdentity
  /** dist/<publication> */
  dir: string
  /** The build's one browser (launched at the first PDF). */
  session: BrowserSession
  /** The publication's fonts (registry settings), computed once per build. */
  fontSettings: FontSettings
  /** The build's font subsetter (a worker pool with a content-addressed cache). */
  fonts: FontSubsetter
  /** How many editions to render at once (`--jobs`). */
  jobs: number
  /** Write the press PDFs even without print.bleed (`--profile press`). */
  press?: boolean
  logger: Logger
  write(path: string, data: string | Uint8Array): Promise<void>
}

/** A file an output wrote that the manifest lists. */
export interface WrittenEdition {
  path: string
  format: EditionFormat
  language: string
  pages?: number
  /** Parallel-text PDFs: the language of the left column. */
  pairedWith?: string
}

export interface Output<Name extends string = string, Format extends string = string> {
  /** The output's name. */
  name: Name
  /** The `press build --format` value that selects it. */
  format: Format
  /** One line for the README and `press build --help`. */
  description: string
  /** The files it writes, relative to dist/<publication> (`<lang>`, `<a>`, `<b>` stand for languages). */
  files: readonly string[]
  inputs: readonly OutputInput[]
  /** Write the files; return those the manifest lists (with facts such as page counts). */
  write(context: OutputContext): Promise<WrittenEdition[]>
}
