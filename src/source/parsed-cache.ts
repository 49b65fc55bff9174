/**
 * Parsed source files kept on disk: .press-cache/sources/<key>.json, the key a
 * hash of the tool (its code and dependencies), the file's path and its bytes,
 * so a file is parsed again exactly when one of them changed. A command whose
 * sources did not change since the last one loads no Markdown parser. Only a
 * file with nothing to report is kept (its messages are made again each time).
 * The blocks point into the tree (by child indices), as a fresh parse's do.
 */
import { join } from 'node:path'
import type { Nodes, Root } from 'mdast'
import { CACHE_DIR, readStored, sha256 } from '../project/cache.ts'
import { toolFingerprint } from '../project/tool.ts'
import { writeFileAtomic } from '../util/files.ts'
import type { ParsedSource } from './parse-file.ts'
import type { Block } from './segment.ts'

const FORMAT = 'press parsed source 1'

interface Stored {
  format: string
  key: string
  text: string
  tree: Root
  blocks: (Omit<Block, 'node'> & { node: number[] })[]
}

/** Parse (or read from the cache under `root`, when `cache`) the source `path` with these bytes. */
export async function parseSource(root: string, path: string, bytes: Uint8Array, cache: boolean): Promise<ParsedSource> {
  const key = cache ? sha256(`${FORMAT}\0${await toolFingerprint()}\0${path}\0${sha256(bytes)}`) : ''
  const file = join(root, CACHE_DIR, 'sources', `${key}.json`)
  if (cache) {
    const kept = await readStored<Stored>(file).then((stored) => stored && revive(stored, key))
    if (kept) return kept
  }
  const { parseSourceFile } = await import('./parse-file.ts')
  const parsed = parseSourceFile(bytes, path)
  if (cache && parsed.messages.length === 0) {
    const stored = store(parsed, key)
    // A cache that cannot be written (a read-only checkout) only means parsing again next time.
    if (stored) await writeFileAtomic(file, JSON.stringify(stored)).catch(() => undefined)
  }
  return parsed
}

function store(parsed: ParsedSource, key: string): Stored | undefined {
  const paths = new Map<Nodes, number[]>()
  const walk = (node: Nodes, path: number[]): void => {
    paths.set(node, path)
    if ('children' in node) node.children.forEach((child, i) => walk(child as Nodes, [...path, i]))
  }
  walk(parsed.tree, [])
  const blocks: Stored['blocks'] = []
  for (const block of parsed.blocks) {
    const path = paths.get(block.node)
    if (!path) return undefined // a block outside the tree: not kept
    blocks.push({ ...block, node: path })
  }
  return { format: FORMAT, key, text: parsed.text, tree: parsed.tree, blocks }
}

function revive(stored: Stored, key: string): ParsedSource | undefined {
  if (stored.format !== FORMAT || stored.key !== key) return undefined
  const blocks: Block[] = []
  for (const block of stored.blocks) {
    let node: Nodes | undefined = stored.tree
    for (const i of block.node) node = node && 'children' in node ? (node.children[i] as Nodes | undefined) : undefined
    if (!node) return undefined
    blocks.push({ ...block, node })
  }
  return { text: stored.text, tree: stored.tree, blocks, messages: [], urlsAllowed: true }
}
