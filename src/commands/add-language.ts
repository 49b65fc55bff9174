/**
 * `press add-language <tag>`: a new target language in one step. Adds the
 * BCP 47 tag to `languages` in publication.yaml (through the yaml Document
 * API, so comments and formatting stay), creates the translation file with
 * every entry missing (`press sync`), and writes ui.json with the source
 * language's interface strings, each listed in `meta.untranslated` (shown as
 * missing by `press status` and `press check`), with the plural keys the
 * language needs. Then it says what to translate next.
 */
import { readFile } from 'node:fs/promises'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { isMap, isSeq, LineCounter, parseDocument, type Node as YamlNode } from 'yaml'
import { languageInfo } from '../project/languages.ts'
import { findPublications, translationPath, uiPath } from '../project/paths.ts'
import { problem, PressError, type Place } from '../util/problems.ts'
import { writeFileAtomic } from '../util/files.ts'
import type { Logger } from '../util/logger.ts'
import { syncTranslations } from './sync.ts'
import { scriptOf } from '../outputs/font-registry.ts'

export interface AddLanguageOptions {
  root: string
  publication?: string
  tag: string
  frozen: boolean
}

const wellFormed = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/

export async function addLanguage(options: AddLanguageOptions, logger: Logger): Promise<void> {
  const publications = await findPublications(options.root, options.publication)
  let tag: string
  try {
    tag = Intl.getCanonicalLocales(options.tag)[0]!
  } catch {
    tag = ''
  }
  for (const publication of publications) {
    const path = join(options.root, publication.configPath)
    const text = await readFile(path, 'utf8')
    const lines = new LineCounter()
    const document = parseDocument(text, { lineCounter: lines })
    const at = (node: YamlNode | undefined | null): Place | undefined => {
      if (!node?.range) return undefined
      const { line, col } = lines.linePos(node.range[0])
      return { line, column: col }
    }
    const languagesNode = document.get('languages', true) as YamlNode | undefined
    const fail = (message: string, node: YamlNode | undefined, hint: string): never => {
      throw new PressError(problem(message, { file: publication.configPath, place: at(node ?? (document.contents as YamlNode)), hint }))
    }
    if (!tag || !wellFormed.test(tag))
      fail(
        `"${options.tag}" is not a well-formed BCP 47 language tag.`,
        languagesNode,
        'Use a tag such as "de", "zh-Hant", "pt-BR" or "sr-Latn".',
      )
    if (!languageInfo(tag))
      fail(`Unknown language "${tag}".`, languagesNode, 'Use a language Unicode CLDR knows, such as "ja", "he", "hi" or "zh-Hant".')
    const { config } = publication
    if (tag === config.sourceLanguage)
      fail(
        `"${tag}" is the source language of ${config.id}.`,
        document.get('sourceLanguage', true) as YamlNode,
        'A target language differs from the source.',
      )
    const index = config.languages.indexOf(tag)
    if (index >= 0) {
      const item = isSeq(languagesNode) ? (languagesNode.items[index] as YamlNode) : languagesNode
      fail(`"${tag}" is already a language of ${config.id}.`, item, `Translate it in ${translationPath(tag, config.id)}.`)
    }
    if (isSeq(languagesNode)) languagesNode.add(document.createNode(tag))
    else if (languagesNode === undefined && isMap(document.contents)) document.set('languages', document.createNode([tag]))
    else fail('`languages` in publication.yaml is not a list.', languagesNode, 'Make it a list of language tags.')
    await writeFileAtomic(path, document.toString({ lineWidth: 0 }))
    logger.info(`${publication.configPath}: added ${tag}`)
  }

  const uiFile = uiPath(tag)
  if (!existsSync(join(options.root, uiFile))) {
    const source = publications[0]!.config.sourceLanguage
    const sourceUi = JSON.parse(await readFile(join(options.root, uiPath(source)), 'utf8')) as { strings?: Record<string, unknown> }
    const strings = uiStringsFor(
      tag,
      Object.fromEntries(Object.entries(sourceUi.strings ?? {}).filter((e): e is [string, string] => typeof e[1] === 'string')),
    )
    // The language's own name is known (CLDR); everything else waits for a translator.
    const ownName = new Intl.DisplayNames([tag], { type: 'language' }).of(tag)
    if (ownName && 'languageName' in strings) strings.languageName = ownName
    const untranslated = Object.keys(strings).filter((key) => !(key === 'languageName' && ownName))
    const ui = {
      meta: {
        language: tag,
        producedBy: 'not yet translated',
        review: 'unreviewed',
        date: new Date().toISOString().slice(0, 10),
        untranslated,
      },
      strings,
    }
    await writeFileAtomic(join(options.root, uiFile), JSON.stringify(ui, null, 2) + '\n')
    logger.info(`${uiFile}: ${untranslated.length} interface strings in ${source}, listed in meta.untranslated`)
  }
  await syncTranslations({ root: options.root, publication: options.publication, languages: [tag], frozen: options.frozen }, logger)

  const info = languageInfo(tag)!
  logger.info(
    [
      '',
      `${info.englishName} (${tag}): ${info.dir === 'rtl' ? 'right to left' : 'left to right'}, ` +
        `script ${scriptOf(tag)}, plural forms ${info.pluralCategories.join(', ')}.`,
      'Next:',
      ...publications.map(
        (p) => `  1. translate the entries of ${translationPath(tag, p.config.id)} (or \`press export --lang ${tag}\` for a CAT tool)`,
      ),
      `  2. translate ${uiFile} and remove each translated key from meta.untranslated; set meta.producedBy`,
      `  3. check with \`press status --lang ${tag}\` and \`press check --lang ${tag}\`, then \`press build --lang ${tag}\``,
    ].join('\n'),
  )
}

/** The source strings, with plural keys (`pages_one`, `pages_other` …) for the categories of `tag`. */
function uiStringsFor(tag: string, source: Record<string, string>): Record<string, string> {
  const order = ['zero', 'one', 'two', 'few', 'many', 'other']
  const categories = [...new Intl.PluralRules(tag).resolvedOptions().pluralCategories].sort((a, b) => order.indexOf(a) - order.indexOf(b))
  const plural = /_(zero|one|two|few|many|other)$/
  const out: Record<string, string> = {}
  for (const [key, value] of Object.entries(source)) {
    const match = plural.exec(key)
    if (!match) {
      out[key] = value
      continue
    }
    const base = key.slice(0, match.index)
    if (`${base}_${categories[0]}` in out) continue
    for (const category of categories) out[`${base}_${category}`] = source[`${base}_${category}`] ?? source[`${base}_other`] ?? value
  }
  return out
}
