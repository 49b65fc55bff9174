/**
 * A build as a list of work units: each output of the registry for each
 * language (html, epub, pdf) or language pair (review, parallel), and each
 * publication's shared assets (stylesheets, fonts). Each unit has a
 * fingerprint of exactly what it reads (see `OutputInput`), computed from the
 * files' bytes without parsing them: the incremental cache and the shards
 * work on these.
 */
import type { Publication } from '../../project/load.ts'
import { PublicationInputs, toolFingerprint } from '../../project/inputs.ts'
import { inputsFingerprint } from '../../project/build-info.ts'
import { LOCK_FILE } from '../../ids/lock.ts'
import type { Output, OutputInput } from '../../outputs/output.ts'
import { outputs, type Format } from '../../outputs/registry.ts'
import { parallelPairs } from '../../outputs/parallel/pairs.ts'
import { join } from 'node:path'
import { ASSET_STYLESHEETS } from '../../outputs/assets.ts'

export interface Unit {
  /** `<pub>/<output>/<lang>`, `<pub>/<output>/<a>-<b>` or `<pub>/assets`: stable across builds and machines. */
  name: string
  publication: Publication
  /** The registry output; none for the shared assets. */
  output: Output | undefined
  /** The language of an edition, or [source, target] of a pair. */
  languages: readonly string[]
  /** Position in the whole build (shards and merges keep this order). */
  order: number
  fingerprint: string
  /** Source blocks (paragraphs between blank lines, counted without parsing), for cost estimates. */
  blocks: number
}

/** Everything a build of one publication reads, fingerprinted. */
export interface PublicationPlan {
  publication: Publication
  languages: string[]
  units: Unit[]
  /** Sources and lock (the colophon's "source revision"). */
  revision: string
  /** Tool, config and revision (the colophon's "build"). */
  build: string
  /** Every input of the publication (what the shared assets read). */
  inputs: string
  tool: string
  /** Each language's edition, fingerprinted: what it reads (sources, lock, config, its translation and ui strings). */
  editionKeys: Record<string, string>
}

/** Templates each output reads (templates/<name>); the shared assets read screen.css and print.css. */
const templatesOf: Readonly<Record<string, readonly string[]>> = {
  html: [],
  epub: ['epub.css'],
  pdf: ['pdf.css'],
  parallel: ['pdf.css', 'parallel.css'],
  review: ['review.css'],
  assets: ASSET_STYLESHEETS,
}

const everyInput: readonly OutputInput[] = ['sources', 'lock', 'translations', 'ui-strings', 'templates', 'fonts', 'config']

export function isPairOutput(output: Output): boolean {
  return output.files.some((f) => f.includes('<a>'))
}

export async function planPublication(
  publication: Publication,
  languages: readonly string[],
  wanted: ReadonlySet<Format>,
  date: Date,
  firstOrder: number,
  profile?: 'press',
): Promise<PublicationPlan> {
  const { config } = publication
  const inputs = new PublicationInputs(publication)
  const tool = await toolFingerprint()
  const all = [config.sourceLanguage, ...config.languages]
  const sourceText = (await Promise.all(config.sources.map((s) => inputs.text(join(publication.dir, s))))).join('\n\n')
  const blocks = sourceText.split(/\n\s*\n/).filter((p) => p.trim() !== '').length
  const configJson = JSON.stringify(config)
  const { revision, build } = await identityOf(publication, inputs)
  // `--profile press` adds files to the PDF units: a unit built without it is not one built with it.
  const common = [`tool ${tool}`, `date ${date.toISOString()}`, ...(profile ? [`profile ${profile}`] : [])]

  const part = async (input: OutputInput, name: string, unitLanguages: readonly string[], isHtml: boolean): Promise<string[]> => {
    const shown = [...new Set([config.sourceLanguage, ...unitLanguages])]
    switch (input) {
      case 'sources':
        return inputs.sources()
      case 'lock':
        return [await inputs.file(join(publication.dir, LOCK_FILE))]
      case 'config':
        return [configJson]
      case 'translations':
        return Promise.all(shown.filter((l) => l !== config.sourceLanguage).map(async (l) => `${l}:${await inputs.translation(l)}`))
      case 'ui-strings': {
        const own = await Promise.all(shown.map(async (l) => `${l}:${await inputs.ui(l)}`))
        // An HTML edition links to every other language by the name that language gives itself.
        const names = isHtml ? await Promise.all(all.map(async (l) => `${l}=${await inputs.languageName(l)}`)) : []
        return [...own, ...names]
      }
      case 'templates':
        return templatesOf[name] ? Promise.all(templatesOf[name].map(async (t) => `${t}:${await inputs.template(t)}`)) : inputs.templates()
      case 'fonts':
        return inputs.fonts()
    }
  }
  const fingerprint = async (name: string, reads: readonly OutputInput[], unitLanguages: readonly string[], unit: string) => {
    const parts = [...common, `unit ${unit}`]
    for (const input of reads) parts.push(input, ...(await part(input, name, unitLanguages, name === 'html')))
    return inputsFingerprint(parts)
  }

  const units: Unit[] = []
  const add = async (output: Output | undefined, unitLanguages: readonly string[], suffix: string): Promise<void> => {
    const name = `${config.id}/${output?.name ?? 'assets'}${suffix}`
    // The shared assets pick fonts from the text of every language: they read everything.
    const reads = output?.inputs ?? everyInput
    const unitLanguagesRead = output ? unitLanguages : all
    units.push({
      name,
      publication,
      output,
      languages: unitLanguages,
      order: firstOrder + units.length,
      fingerprint: await fingerprint(output?.name ?? 'assets', reads, unitLanguagesRead, name),
      blocks,
    })
  }
  for (const output of outputs.filter((o) => wanted.has(o.format))) {
    if (isPairOutput(output)) {
      // Source → each target, then the `parallel:` pairs of publication.yaml (review pages and parallel texts).
      for (const [a, b] of parallelPairs(config, languages)) await add(output, [a, b], `/${a}-${b}`)
    } else {
      for (const l of languages) await add(output, [l], `/${l}`)
    }
  }
  await add(undefined, all, '')
  const editionBase = [
    `tool ${tool}`,
    `runtime ${process.versions.node} icu ${process.versions.icu}`,
    'sources',
    ...(await inputs.sources()),
    'lock',
    await inputs.file(join(publication.dir, LOCK_FILE)),
    'config',
    publication.configPath,
    configJson,
  ]
  const editionKeys: Record<string, string> = {}
  for (const l of all) {
    // An edition's interface strings are its language's, falling back to the source language's (as its units read).
    const ui = await Promise.all([...new Set([config.sourceLanguage, l])].map(async (u) => `${u}:${await inputs.ui(u)}`))
    const translation = l === config.sourceLanguage ? 'source' : `${l}:${await inputs.translation(l)}`
    editionKeys[l] = inputsFingerprint([...editionBase, `edition ${l}`, 'ui-strings', ...ui, 'translation', translation])
  }
  return {
    publication,
    languages: [...languages],
    units,
    revision,
    build,
    inputs: inputsFingerprint(units.map((u) => u.fingerprint)),
    tool,
    editionKeys,
  }
}

/**
 * The colophon's fingerprints, from the input files' bytes: the source revision (sources, images and the ID
 * lock) and the build (that, the tool and the config).
 */
export async function identityOf(
  publication: Publication,
  inputs = new PublicationInputs(publication),
): Promise<{ revision: string; build: string }> {
  const revision = inputsFingerprint([...(await inputs.sources()), await inputs.file(join(publication.dir, LOCK_FILE))])
  return { revision, build: inputsFingerprint([await toolFingerprint(), JSON.stringify(publication.config), revision]) }
}
