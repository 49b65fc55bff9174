/**
 * publication.yaml beyond its schema: alias expansion is bounded (an alias
 * bomb is refused, naming the file), and the translatable metadata holds no
 * control characters (from YAML escapes such as "\0") and no invisible
 * bidi or zero-width characters.
 */
import { visit, type Document, type Node as YamlNode } from 'yaml'
import type { VFileMessage } from 'vfile-message'
import { maxYamlAliases } from '../util/limits.ts'
import { firstInvisibleError, invisibleHint } from '../util/invisible-characters.ts'
import { controlHint, describeCharacter, findBadCharacter } from '../util/read-text.ts'
import { problem, PressError, type Place } from '../util/problems.ts'
import type { PublicationConfig } from './schema.ts'

/** The document as plain data, refusing more than `maxYamlAliases` alias expansions. */
export function toPlainValue(document: Document, file: string, at: (offset: number) => Place): unknown {
  try {
    return document.toJS({ maxAliasCount: maxYamlAliases })
  } catch (error) {
    if (!(error instanceof ReferenceError)) throw error
    let first: number | undefined
    visit(document, {
      Alias(_key, node) {
        first = node.range?.[0]
        return visit.BREAK
      },
    })
    throw new PressError(
      problem(`${file} expands its YAML aliases (*name) too often: more than ${maxYamlAliases} times.`, {
        file,
        place: first === undefined ? undefined : at(first),
        hint: 'Write the values out instead of repeating aliases; publication.yaml needs no anchors or aliases at all.',
        ruleId: 'yaml-alias-limit',
      }),
    )
  }
}

/** Translatable fields of publication.yaml, as paths. */
export function metadataPaths(config: PublicationConfig): (string | number)[][] {
  const fields = ['title', 'subtitle', 'issuer', 'publisher', 'description'] as const
  return [...fields.filter((f) => config[f] !== undefined).map((f) => [f]), ...config.keywords.map((_, i) => ['keywords', i])]
}

/** Control characters and invisible characters in the metadata strings, at their place. */
export function checkMetadataStrings(
  config: PublicationConfig,
  text: string,
  file: string,
  nodeAt: (path: (string | number)[]) => YamlNode | undefined,
  at: (offset: number) => Place,
): VFileMessage[] {
  const messages: VFileMessage[] = []
  for (const path of metadataPaths(config)) {
    const value = valueAt(config, path)
    const start = nodeAt(path)?.range?.[0]
    const place = (offset: number): Place | undefined => (start === undefined ? undefined : at(start + shift(text, start, value) + offset))
    const name = path.join('.')
    const control = findBadCharacter(value)
    if (control !== undefined) {
      messages.push(
        problem(`The ${name} in ${file} contains ${describeCharacter(value, control)}.`, {
          file,
          place: place(control),
          hint: controlHint,
          ruleId: 'control-character',
        }),
      )
    }
    const invisible = firstInvisibleError(value, config.sourceLanguage)
    if (invisible) {
      messages.push(
        problem(`The ${name} in ${file} contains an invisible ${invisible.name}.`, {
          file,
          place: place(invisible.offset),
          hint: invisibleHint,
          ruleId: 'invisible-characters',
        }),
      )
    }
  }
  return messages
}

function valueAt(config: PublicationConfig, path: (string | number)[]): string {
  const [field, index] = path
  if (field === 'keywords') return config.keywords[index as number] ?? ''
  return (config[field as 'title'] as string | undefined) ?? ''
}

/** 1 when the scalar at `start` is quoted and its text follows the quote, else 0 (positions stay on the scalar). */
function shift(text: string, start: number, value: string): number {
  const quote = text[start]
  if ((quote === '"' || quote === "'") && text.startsWith(value.slice(0, 1), start + 1)) return 1
  return 0
}
