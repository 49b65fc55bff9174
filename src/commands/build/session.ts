/**
 * What a long-lived process (`press preview`) keeps between the builds it runs
 * (`build(options, logger, session)`): each publication's sources with their
 * IDs, each language's checked translation file, interface strings and
 * localized edition, the shared assets' files, the bytes last written to each
 * output file, and the browser and font subsetter. Each entry is kept under a
 * fingerprint of the bytes it was made from, read again at every build, and
 * only when those bytes did not change while it was made: a build through a
 * session writes what a fresh `press build` would. A save of
 * translations/fr/X.json re-reads and re-localizes fr only, and an output file
 * whose bytes are those already on disk is not written again.
 */
import { createHash } from 'node:crypto'
import { readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import type { Publication } from '../../project/load.ts'
import { PublicationInputs } from '../../project/inputs.ts'
import { translationPath, uiPath } from '../../project/paths.ts'
import { writeFileAtomic } from '../../util/files.ts'
import { resolveIds, type IdentifiedSources, type ResolveOptions } from '../../ids/resolve.ts'
import { loadTranslation, strayTranslationFiles, type PublicationTranslations } from '../../i18n/load.ts'
import type { ViolationMemo } from '../../i18n/entry-urls.ts'
import { readUiStrings, type UiFile } from '../../i18n/ui-strings.ts'
import { prepareEdition, type EditionModel } from '../../edition/model.ts'
import { ASSET_STYLESHEETS, type Write } from '../../outputs/assets.ts'
import { identityOf } from './units.ts'

export interface SessionHooks {
  /** Told of every output file a build writes through the session, and whether its bytes changed. */
  onWrite?(path: string, changed: boolean): void | Promise<void>
}

/** What a build keeps open between builds: its browser and font subsetter. */
export interface Engine {
  session: { close(): Promise<void> }
  fonts: { close(): Promise<void> }
}

interface Kept<T> {
  key: string
  value: T
}

interface OnDisk {
  hash: string
  size: number
  mtimeMs: number
  ino: number
}

/** The memo the views of one session share. */
class State {
  readonly sources = new Map<string, Kept<IdentifiedSources>>()
  readonly translations = new Map<string, Kept<Awaited<ReturnType<typeof loadTranslation>>>>()
  readonly ui = new Map<string, Kept<UiFile>>()
  readonly editions = new Map<string, Kept<EditionModel>>()
  readonly assets = new Map<string, Kept<[string, string | Uint8Array][]>>()
  /** URL-policy findings by entry text, per translation file (an edit parses the edited entries only). */
  readonly violations = new Map<string, ViolationMemo>()
  readonly written = new Map<string, OnDisk>()
  /** The key each value handed out was made under (absent: not kept, its files changed meanwhile). */
  readonly keys = new WeakMap<object, string>()
  readonly translationKeys = new WeakMap<PublicationTranslations, Map<string, string | undefined>>()
  engine: Promise<Engine> | undefined
}

export class BuildSession {
  readonly #state: State
  readonly #hooks: SessionHooks

  constructor(hooks: SessionHooks = {}, state = new State()) {
    this.#hooks = hooks
    this.#state = state
  }

  /** The same memo, other hooks (one view per build when builds run at once). */
  with(hooks: SessionHooks): BuildSession {
    return new BuildSession(hooks, this.#state)
  }

  /** `resolveIds`, kept while the sources, their images, the lock and the config are unchanged. */
  async sources(publication: Publication, options: ResolveOptions): Promise<IdentifiedSources> {
    const config = JSON.stringify(publication.config)
    const key = async () => fingerprint(config, JSON.stringify(options), (await identityOf(publication)).revision)
    return this.#keep(this.#state.sources, publicationName(publication), key, () => resolveIds(publication, options))
  }

  /** `loadTranslations`: each language's file read and checked again only when its bytes (or the sources) changed. */
  async translations(publication: Publication, sources: IdentifiedSources, languages: readonly string[]): Promise<PublicationTranslations> {
    const result: PublicationTranslations = { files: new Map(), messages: [] }
    const keys = new Map<string, string | undefined>([[publication.config.sourceLanguage, 'source']])
    const sourcesKey = this.#state.keys.get(sources)
    for (const language of languages) {
      const path = join(publication.root, translationPath(language, publication.config.id))
      const name = `${publicationName(publication)}\0${language}`
      const load = async () => {
        const memo = this.#state.violations.get(name) ?? new Map()
        const one = await loadTranslation(publication, sources, language, memo)
        const texts = new Set(Object.values(one?.loaded.data.entries ?? {}).map((e) => e.text))
        for (const text of memo.keys()) if (!texts.has(text)) memo.delete(text) // only the texts the file has now
        this.#state.violations.set(name, memo)
        return one
      }
      const [one, key] =
        sourcesKey === undefined
          ? [await load(), undefined]
          : await this.#keepKeyed(this.#state.translations, name, async () => fingerprint(sourcesKey, await fileHash(path)), load)
      keys.set(language, key)
      if (!one) continue
      result.messages.push(...one.messages)
      result.files.set(language, one.loaded)
    }
    result.messages.push(...(await strayTranslationFiles(publication)))
    this.#state.translationKeys.set(result, keys)
    return result
  }

  /** `loadUi`: each language's ui.json read again only when its bytes changed. */
  async ui(root: string, languages: readonly string[]): Promise<Map<string, UiFile>> {
    const ui = new Map<string, UiFile>()
    const keys: (string | undefined)[] = []
    for (const language of languages) {
      const path = join(root, uiPath(language))
      const [file, key] = await this.#keepKeyed(
        this.#state.ui,
        `${root}\0${language}`,
        () => fileHash(path),
        () => readUiStrings(path, uiPath(language), language),
      )
      ui.set(language, file)
      keys.push(key === undefined ? undefined : `${language}:${key}`)
    }
    if (keys.every((k) => k !== undefined)) this.#state.keys.set(ui, fingerprint(...keys))
    return ui
  }

  /** `prepareEditions`: a language is localized again only when the sources, its translation, the ui strings or the config changed. */
  editions(
    publication: Publication,
    sources: IdentifiedSources,
    translations: PublicationTranslations,
    ui: Map<string, UiFile>,
    languages: readonly string[],
  ): EditionModel[] {
    const { keys, editions } = this.#state
    const base = [keys.get(sources), keys.get(ui)]
    return languages.map((language) => {
      const translation = this.#state.translationKeys.get(translations)?.get(language)
      const make = () => prepareEdition(publication, sources, translations, ui, language)
      if (translation === undefined || base.some((k) => k === undefined)) return make()
      const key = fingerprint(...(base as string[]), translation, JSON.stringify(publication.config))
      const name = `${publicationName(publication)}\0${language}`
      let kept = editions.get(name)
      if (kept?.key !== key) editions.set(name, (kept = { key, value: make() }))
      keys.set(kept.value, key)
      return kept.value
    })
  }

  /**
   * The shared assets of `dir` (stylesheets, fonts.css, font files): the files `make` wrote last time are
   * written again as they were while the editions' texts, the ui strings, the config, screen.css and print.css
   * and the fonts are unchanged.
   */
  async assets(
    dir: string,
    publication: Publication,
    editions: readonly EditionModel[],
    ui: Map<string, UiFile>,
    write: Write,
    make: (write: Write) => Promise<void>,
  ): Promise<void> {
    const parts = [...editions.map((e) => this.#state.keys.get(e)), this.#state.keys.get(ui)]
    if (parts.some((k) => k === undefined)) return make(write)
    const key = async () => {
      const inputs = new PublicationInputs(publication)
      const templates = await Promise.all(ASSET_STYLESHEETS.map((t) => inputs.template(t)))
      return fingerprint(...(parts as string[]), JSON.stringify(publication.config), ...templates, ...(await inputs.fonts()))
    }
    const kept = this.#state.assets.get(dir)
    const before = await key()
    if (kept?.key === before) {
      for (const [path, data] of kept.value) await write(path, data)
      return
    }
    const files: [string, string | Uint8Array][] = []
    await make(async (path, data) => {
      files.push([path, data])
      await write(path, data)
    })
    if ((await key()) === before) this.#state.assets.set(dir, { key: before, value: files })
  }

  /**
   * Write an output file (atomically) unless it holds exactly these bytes since this session wrote them
   * (same size, time and inode on disk). True when it was written.
   */
  async write(path: string, data: string | Uint8Array): Promise<boolean> {
    const bytes = typeof data === 'string' ? Buffer.from(data) : data
    const hash = createHash('sha256').update(bytes).digest('hex')
    const last = this.#state.written.get(path)
    if (last?.hash === hash && (await unchangedOnDisk(path, last))) {
      await this.#hooks.onWrite?.(path, false)
      return false
    }
    this.#state.written.delete(path)
    await writeFileAtomic(path, bytes)
    // Remembered only when what is on disk now is what was written (no other writer came in between).
    const [info, back] = await Promise.all([stat(path), readFile(path)]).catch(() => [undefined, undefined] as const)
    if (info && back && createHash('sha256').update(back).digest('hex') === hash)
      this.#state.written.set(path, { hash, size: info.size, mtimeMs: info.mtimeMs, ino: info.ino })
    await this.#hooks.onWrite?.(path, true)
    return true
  }

  /** The browser and font subsetter, made by the first build that needs them and kept until `close()`. */
  engine<T extends Engine>(make: () => Promise<T>): Promise<T> {
    return (this.#state.engine ??= make()) as Promise<T>
  }

  async close(): Promise<void> {
    const engine = this.#state.engine
    this.#state.engine = undefined
    if (engine) await engine.then(({ session, fonts }) => Promise.all([session.close(), fonts.close()]))
  }

  async #keep<T extends object>(table: Map<string, Kept<T>>, name: string, key: () => Promise<string>, make: () => Promise<T>) {
    const [value, kept] = await this.#keepKeyed(table, name, key, make)
    if (kept !== undefined) this.#state.keys.set(value, kept)
    return value
  }

  /** The value kept under `name` if its key is current, else made (and kept when its key held while it was made). */
  async #keepKeyed<T>(
    table: Map<string, Kept<T>>,
    name: string,
    key: () => Promise<string>,
    make: () => Promise<T>,
  ): Promise<[T, string | undefined]> {
    const before = await key()
    const kept = table.get(name)
    if (kept?.key === before) return [kept.value, before]
    const value = await make()
    if ((await key()) !== before) return [value, undefined] // its files changed meanwhile: made again next time
    table.set(name, { key: before, value })
    return [value, before]
  }
}

function publicationName(publication: Publication): string {
  return `${publication.root}\0${publication.config.id}`
}

function fingerprint(...parts: string[]): string {
  const hash = createHash('sha256')
  for (const part of parts) hash.update(`${part.length}\0${part}`)
  return hash.digest('hex')
}

async function fileHash(path: string): Promise<string> {
  const bytes = await readFile(path).catch(() => undefined)
  return bytes ? createHash('sha256').update(bytes).digest('hex') : 'missing'
}

async function unchangedOnDisk(path: string, last: OnDisk): Promise<boolean> {
  const info = await stat(path).catch(() => undefined)
  return info !== undefined && info.size === last.size && info.mtimeMs === last.mtimeMs && info.ino === last.ino
}
