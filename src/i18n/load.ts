/** Load and check the translation files of a publication. */
import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import type { VFileMessage } from 'vfile-message'
import type { Publication } from '../project/load.ts'
import { languageInfo } from '../project/languages.ts'
import { readTranslationFile, type LoadedTranslation } from './translation-file.ts'
import { invisibleInStrings, publicationStrings } from './invisible-strings.ts'
import { nestingProblem } from '../source/nesting.ts'
import { problem } from '../util/problems.ts'
import type { ViolationMemo } from './entry-urls.ts'
import { readUrlMemo } from './url-memo.ts'
import type { IdentifiedSources } from '../ids/resolve.ts'
import { TRANSLATIONS_DIR, translationPath } from '../project/paths.ts'

export interface PublicationTranslations {
  /** Loaded files by language (configured languages only; a missing file is absent). */
  files: Map<string, LoadedTranslation>
  messages: VFileMessage[]
}

/** `cache`: keep the URL policy's findings per entry text in .press-cache/ (src/i18n/url-memo.ts). */
export async function loadTranslations(
  publication: Publication,
  sources: IdentifiedSources | undefined,
  languages: readonly string[],
  cache = true,
): Promise<PublicationTranslations> {
  const files = new Map<string, LoadedTranslation>()
  const messages: VFileMessage[] = []
  for (const language of languages) {
    const one = await loadTranslation(publication, sources, language, undefined, cache)
    if (!one) continue
    messages.push(...one.messages)
    files.set(language, one.loaded)
  }
  messages.push(...(await strayTranslationFiles(publication)))
  return { files, messages }
}

/** One language's translation file, checked (undefined when there is none). */
export async function loadTranslation(
  publication: Publication,
  sources: IdentifiedSources | undefined,
  language: string,
  memo?: ViolationMemo,
  cache = true,
): Promise<{ loaded: LoadedTranslation; messages: VFileMessage[] } | undefined> {
  const loaded = await readTranslationFile(publication.root, translationPath(language, publication.config.id), cache)
  if (!loaded) return undefined
  const urls = await translationUrlProblems(publication.root, loaded, memo, cache)
  return { loaded, messages: checkTranslation(loaded, language, publication.config.id, sources, urls) }
}

/** The URL policy over every entry (the Markdown parser is loaded only when an entry has text). */
async function translationUrlProblems(
  root: string,
  loaded: LoadedTranslation,
  memo: ViolationMemo | undefined,
  cache: boolean,
): Promise<VFileMessage[]> {
  const texts = Object.values(loaded.data.entries).map((e) => e.text)
  if (texts.every((text) => text.trim() === '')) return []
  const { entryUrlProblems } = await import('./entry-urls.ts')
  if (memo || !cache) return entryUrlProblems(loaded, memo)
  const kept = await readUrlMemo(root, loaded.path)
  const messages = await entryUrlProblems(loaded, kept.memo)
  await kept.save(texts)
  return messages
}

function checkTranslation(
  loaded: LoadedTranslation,
  language: string,
  publication: string,
  sources: IdentifiedSources | undefined,
  urls: VFileMessage[],
): VFileMessage[] {
  const { data, path, positions } = loaded
  const messages: VFileMessage[] = []
  if (data.meta.language !== language) {
    messages.push(
      problem(`This file says it is "${data.meta.language}" but sits in the folder for "${language}".`, {
        file: path,
        place: positions.placeOf(['meta', 'language']),
        hint: 'Move the file to the folder of its language, or correct meta.language.',
      }),
    )
  }
  if (data.meta.publication !== publication) {
    messages.push(
      problem(`This file is for publication "${data.meta.publication}", not "${publication}".`, {
        file: path,
        place: positions.placeOf(['meta', 'publication']),
        hint: 'Each publication has its own translation file, named after it.',
      }),
    )
  }
  messages.push(...urls)
  messages.push(...invisibleInStrings(publicationStrings(data.publication), language, path, positions.placeOf))
  for (const [id, entry] of Object.entries(data.entries)) {
    const deep = nestingProblem(entry.text, path, () => positions.placeOf(['entries', id, 'text']))
    if (deep) messages.push(deep)
  }
  if (sources) {
    for (const id of Object.keys(data.entries)) {
      if (!sources.byId.has(id)) {
        messages.push(
          problem(`Entry "${id}" is not a paragraph ID of the source.`, {
            file: path,
            place: positions.keyPlaceOf(['entries', id]),
            hint: 'Run `press sync` to keep it as an orphan, or check the ID against ids.lock.json.',
            fatal: false,
            ruleId: 'unknown-id',
          }),
        )
      }
    }
  }
  return messages
}

/** Translation files for languages the publication does not list. */
export async function strayTranslationFiles(publication: Publication): Promise<VFileMessage[]> {
  const { config, root, configPath } = publication
  let folders: string[] = []
  try {
    folders = (await readdir(join(root, TRANSLATIONS_DIR), { withFileTypes: true })).filter((d) => d.isDirectory()).map((d) => d.name)
  } catch {
    return []
  }
  const messages: VFileMessage[] = []
  for (const folder of folders.sort()) {
    if (folder === config.sourceLanguage || config.languages.includes(folder)) continue
    const files = await readdir(join(root, TRANSLATIONS_DIR, folder))
    if (!files.includes(`${config.id}.json`)) continue
    const path = translationPath(folder, config.id)
    messages.push(
      problem(
        languageInfo(folder)
          ? `There is a ${folder} translation of ${config.id}, but ${folder} is not among the publication's languages.`
          : `"${folder}" is not a known language code.`,
        {
          file: path,
          hint: languageInfo(folder)
            ? `Add "${folder}" to \`languages\` in ${configPath} to build it.`
            : 'Rename the folder to an ISO 639 language code.',
          fatal: false,
          ruleId: 'unconfigured-language',
        },
      ),
    )
  }
  return messages
}
