/**
 * JSON with positions. Hand-edited files (the lock, translation files) are
 * parsed with jsonc-parser so that every problem can name its line and column,
 * then validated with zod; a zod issue's path is mapped back to a place.
 */
import { parseTree, printParseErrorCode, type Node as JsonNode, type ParseError } from 'jsonc-parser'
import type * as z from 'zod'
import { lineIndex, problem, PressError, type Place } from './problems.ts'
import { controlHint, describeCharacter, findBadCharacter } from './read-text.ts'

export interface PositionedJson<T> {
  value: T
  /** Place of the value at a JSON path (property names and array indexes). */
  placeOf(path: (string | number)[]): Place | undefined
  /** Place of the property name at `path` (for duplicate keys, unknown keys). */
  keyPlaceOf(path: (string | number)[]): Place | undefined
}

/** Parse and validate `text` (from `file`), or throw a PressError with positions. */
export function parseJsonFile<S extends z.ZodType>(text: string, file: string, schema: S, what: string): PositionedJson<z.infer<S>> {
  const errors: ParseError[] = []
  const lines = lineIndex(text)
  const placeAt = (_text: string, offset: number): Place => lines.placeAt(offset)
  // One pass: the tree gives the places and (valueOf) the value, as jsonc-parser's parse would build it.
  const tree = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false }) as JsonNode
  if (errors.length > 0) {
    throw new PressError(
      errors.map((error) =>
        problem(`This ${what} is not valid JSON: ${describeParseError(error)}.`, {
          file,
          place: placeAt(text, error.offset),
          hint: 'Fix the JSON syntax at this position (a missing comma or quote is the usual cause); the file was not changed.',
          ruleId: 'invalid-json',
        }),
      ),
    )
  }
  const raw = valueOf(tree)
  const find = nodeFinder(tree)
  const placeOf = (path: (string | number)[]): Place | undefined => {
    const node = find(path)
    return node ? placeAt(text, node.offset) : undefined
  }
  const keyPlaceOf = (path: (string | number)[]): Place | undefined => {
    const node = find(path)
    const key = node?.parent?.type === 'property' ? node.parent.children?.[0] : undefined
    return key ? placeAt(text, key.offset) : placeOf(path)
  }
  const duplicates = findDuplicateKeys(tree)
  if (duplicates.length > 0) {
    throw new PressError(
      duplicates.map((key) =>
        problem(`Duplicate key "${key.value as string}" in this ${what}.`, {
          file,
          place: placeAt(text, key.offset),
          hint: 'A key may appear once per object: merge the two entries by hand; JSON keeps only the last one.',
          ruleId: 'duplicate-key',
        }),
      ),
    )
  }
  const escaped = findEscapedBadCharacters(tree)
  if (escaped.length > 0) {
    throw new PressError(
      escaped.map(({ node, at }) =>
        problem(`A string in this ${what} contains ${describeCharacter(node.value as string, at)} (written as a \\u escape).`, {
          file,
          place: placeAt(text, node.offset),
          hint: controlHint.replace('Remove it', 'Remove the escape'),
          ruleId: 'control-character',
        }),
      ),
    )
  }
  const result = schema.safeParse(raw)
  if (!result.success) {
    throw new PressError(
      result.error.issues.map((issue) =>
        problem(`Invalid ${what}: ${issue.message} at ${formatPath(issue.path)}.`, {
          file,
          place: placeOf(issue.path.filter((p): p is string | number => typeof p !== 'symbol')) ?? placeOf([]),
          hint: `See the ${what} format in README.md.`,
          ruleId: 'invalid-structure',
        }),
      ),
    )
  }
  return { value: result.data, placeOf, keyPlaceOf }
}

/**
 * The places of `text`, a file already parsed and checked (its checked `value` read from a cache): the
 * tree is parsed only when a place is asked for.
 */
export function positionsOf<T>(text: string, value: T): PositionedJson<T> {
  let find: ((path: (string | number)[]) => JsonNode | undefined) | undefined
  let lines: ReturnType<typeof lineIndex> | undefined
  const nodeAt = (path: (string | number)[]): JsonNode | undefined => (find ??= nodeFinder(parseTree(text) as JsonNode))(path)
  const placeAt = (offset: number): Place => (lines ??= lineIndex(text)).placeAt(offset)
  const placeOf = (path: (string | number)[]): Place | undefined => {
    const node = nodeAt(path)
    return node ? placeAt(node.offset) : undefined
  }
  const keyPlaceOf = (path: (string | number)[]): Place | undefined => {
    const node = nodeAt(path)
    const key = node?.parent?.type === 'property' ? node.parent.children?.[0] : undefined
    return key ? placeAt(key.offset) : placeOf(path)
  }
  return { value, placeOf, keyPlaceOf }
}

/**
 * `findNodeAtLocation` for many lookups in one tree: each object's keys are
 * indexed once (the first property of a name wins, as there), so finding
 * every entry of a large file is linear, not quadratic.
 */
export function nodeFinder(tree: JsonNode): (path: (string | number)[]) => JsonNode | undefined {
  const indexes = new Map<JsonNode, Map<string, JsonNode>>()
  const keysOf = (node: JsonNode): Map<string, JsonNode> => {
    let keys = indexes.get(node)
    if (!keys) {
      keys = new Map()
      for (const property of node.children ?? []) {
        const [key, value] = property.children ?? []
        if (property.children?.length === 2 && typeof key?.value === 'string' && !keys.has(key.value)) keys.set(key.value, value!)
      }
      indexes.set(node, keys)
    }
    return keys
  }
  return (path) => {
    let node: JsonNode | undefined = tree
    for (const segment of path) {
      if (!node) return undefined
      if (typeof segment === 'string' && node.type === 'object') node = keysOf(node).get(segment)
      else if (typeof segment === 'number' && node.type === 'array') node = node.children?.[segment]
      else return undefined
    }
    return node
  }
}

/** The value of a tree without errors, as jsonc-parser's parse builds it (keys assigned in order: a repeated key keeps the last). */
function valueOf(node: JsonNode): unknown {
  if (node.type === 'array') return (node.children ?? []).map(valueOf)
  if (node.type !== 'object') return node.value
  const object: Record<string, unknown> = {}
  for (const property of node.children ?? []) {
    const [key, value] = property.children ?? []
    if (key && value) object[key.value as string] = valueOf(value)
  }
  return object
}

function describeParseError(error: ParseError): string {
  const code = printParseErrorCode(error.error)
  return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase()
}

function formatPath(path: PropertyKey[]): string {
  if (path.length === 0) return 'the top level'
  return path
    .map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))
    .join('')
    .replace(/^\./, '')
}

function findDuplicateKeys(node: JsonNode): JsonNode[] {
  const found: JsonNode[] = []
  const visit = (current: JsonNode): void => {
    if (current.type === 'object') {
      const seen = new Set<string>()
      for (const property of current.children ?? []) {
        const key = property.children?.[0]
        if (key && typeof key.value === 'string') {
          if (seen.has(key.value)) found.push(key)
          seen.add(key.value)
        }
      }
    }
    for (const child of current.children ?? []) visit(child)
  }
  visit(node)
  return found
}

/** String values and keys whose decoded text holds a control character or a lone surrogate (from `\\u` escapes). */
function findEscapedBadCharacters(root: JsonNode): { node: JsonNode; at: number }[] {
  const found: { node: JsonNode; at: number }[] = []
  const stack = [root]
  while (stack.length > 0) {
    const node = stack.pop()!
    if (node.type === 'string' && typeof node.value === 'string') {
      const at = findBadCharacter(node.value)
      if (at !== undefined) found.push({ node, at })
    }
    for (const child of node.children ?? []) stack.push(child)
  }
  return found.sort((a, b) => a.node.offset - b.node.offset)
}
