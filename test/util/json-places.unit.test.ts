import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { findNodeAtLocation, parseTree, type Node } from 'jsonc-parser'
import { nodeFinder } from '../../src/util/json.ts'
import { lineIndex } from '../../src/util/problems.ts'

const text = [
  '{',
  '  "meta": { "language": "fr" },',
  '  "entries": {',
  '    "p-a": { "text": "Un\\nDeux" },',
  '',
  '    "p-b": {',
  '      "text": "Trois", "list": [1, [2, 3]]',
  '    }',
  '  }',
  '}',
].join('\n')

/** Every path to a value in the tree. */
function paths(node: Node, prefix: (string | number)[] = []): (string | number)[][] {
  if (node.type === 'object')
    return [prefix, ...(node.children ?? []).flatMap((p) => paths(p.children![1]!, [...prefix, p.children![0]!.value as string]))]
  if (node.type === 'array') return [prefix, ...(node.children ?? []).flatMap((child, i) => paths(child, [...prefix, i]))]
  return [prefix]
}

describe('finding places in a JSON file', () => {
  it('should find the same node as jsonc-parser for every path, and nothing for paths that are not there', () => {
    const tree = parseTree(text)!
    const find = nodeFinder(tree)
    for (const path of [...paths(tree), ['entries', 'p-z'], ['meta', 0], ['entries', 'p-b', 'list', 9], ['nope', 'x']])
      assert.equal(find(path), findNodeAtLocation(tree, path), JSON.stringify(path))
  })

  it('should give the line and column that counting newlines from the start gives', () => {
    const index = lineIndex(text)
    for (let offset = 0; offset <= text.length; offset++) {
      const before = text.slice(0, offset)
      const line = before.split('\n').length
      const column = offset - (before.lastIndexOf('\n') + 1) + 1
      assert.deepEqual(index.placeAt(offset), { line, column }, `offset ${offset}`)
    }
  })
})
