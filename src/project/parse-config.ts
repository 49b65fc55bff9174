/** publication.yaml parsed and validated (the YAML parser and the schema are loaded with this module). */
import { isMap, isSeq, LineCounter, parseDocument, type Node as YamlNode } from 'yaml'
import { decodeText } from '../util/read-text.ts'
import { checkMetadataStrings, toPlainValue } from './config-strings.ts'
import { checkSourcePaths } from './source-paths.ts'
import { languageInfo } from './languages.ts'
import { problem, PressError, type Place } from '../util/problems.ts'
import { publicationSchema, type PublicationConfig } from './schema.ts'
import { CONFIG_FILE } from './folders.ts'

/** The config in `bytes` (of `configPath`, in the publication folder `absolute`), or a PressError naming every problem. */
export function parseConfig(bytes: Uint8Array, configPath: string, absolute: string): PublicationConfig {
  const text = decodeText(bytes, configPath, 'config')
  const lines = new LineCounter()
  const document = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true })
  const at = (offset: number): Place => {
    const { line, col } = lines.linePos(offset)
    return { line, column: col }
  }
  if (document.errors.length > 0) {
    throw new PressError(
      document.errors.map((error) =>
        problem(`${CONFIG_FILE} is not valid YAML: ${error.message.split('\n')[0]}`, {
          file: configPath,
          place: at(error.pos[0]),
          hint: 'Fix the YAML syntax at this position.',
        }),
      ),
    )
  }
  const result = publicationSchema.safeParse(toPlainValue(document, configPath, at))
  if (!result.success) {
    throw new PressError(
      result.error.issues.map((issue) => {
        const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol')
        const node = findYamlNode(document.contents, path)
        return problem(`Invalid ${CONFIG_FILE}: ${path.join('.') || 'top level'}: ${issue.message}.`, {
          file: configPath,
          place: node?.range ? at(node.range[0]) : undefined,
          hint: 'See "Configuration" in README.md for every field and its allowed values.',
        })
      }),
    )
  }
  const config = result.data
  const codes = [config.sourceLanguage, ...config.languages]
  const messages = codes.flatMap((code, index) => {
    if (languageInfo(code)) return []
    const path = index === 0 ? ['sourceLanguage'] : ['languages', index - 1]
    const node = findYamlNode(document.contents, path)
    return [
      problem(`Unknown language code "${code}".`, {
        file: configPath,
        place: node?.range ? at(node.range[0]) : undefined,
        hint: 'Use an ISO 639 code that Unicode CLDR knows, such as "fr", "zh" or "ar".',
      }),
    ]
  })
  const seen = new Set<string>()
  for (const code of codes) {
    if (seen.has(code)) {
      messages.push(
        problem(`Language "${code}" is listed twice.`, {
          file: configPath,
          hint: 'List each language once; the source language is not a target.',
        }),
      )
    }
    seen.add(code)
  }
  messages.push(
    ...checkSourcePaths(config.sources, absolute, configPath, (index) => {
      const node = findYamlNode(document.contents, ['sources', index])
      return node?.range ? at(node.range[0]) : undefined
    }),
  )
  messages.push(...checkMetadataStrings(config, text, configPath, (path) => findYamlNode(document.contents, path), at))
  if (messages.length > 0) throw new PressError(messages)
  return config
}

function findYamlNode(node: unknown, path: (string | number)[]): YamlNode | undefined {
  let current = node
  for (const key of path) {
    if (isMap(current) || isSeq(current)) current = current.get(key, true)
    else return undefined
  }
  return current as YamlNode | undefined
}
