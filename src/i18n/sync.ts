/**
 * Bring a translation file in line with the source's blocks, editing the
 * JSON text in place (jsonc-parser's modify), so that every byte not concerned
 * stays as it was, hand formatting included:
 *
 * - an ID new in the source is added as a missing entry, at its place in source order;
 * - an entry whose source changed gets `"stale": true` (its `source` keeps the text it was
 *   translated from, for the diff); `"stale": false` set by a translator confirms the update:
 *   the entry then takes the current source and fingerprint;
 * - an entry whose ID left the source moves to `orphans`, never deleted; an orphan whose ID
 *   is back moves back.
 */
import { applyEdits, modify, parseTree, findNodeAtLocation, type FormattingOptions } from 'jsonc-parser'
import type { Entry, TranslationFile } from './translation-file.ts'

export interface SyncBlock {
  id: string
  hash: string
  text: string
}

export interface SyncResult {
  text: string
  added: string[]
  staled: string[]
  confirmed: string[]
  orphaned: string[]
  restored: string[]
  /** Missing entries whose source changed: source and fingerprint updated (nothing to go stale). */
  refreshed: string[]
}

const formatting: FormattingOptions = { insertSpaces: true, tabSize: 2, eol: '\n' }

export function syncTranslation(raw: string, file: TranslationFile, blocks: readonly SyncBlock[]): SyncResult {
  let text = raw
  const result: SyncResult = { text, added: [], staled: [], confirmed: [], orphaned: [], restored: [], refreshed: [] }
  const order = new Map(blocks.map((b, i) => [b.id, i]))
  const set = (path: (string | number)[], value: unknown, insertAfter?: (keys: string[]) => number): void => {
    text = applyEdits(text, modify(text, path, value, { formattingOptions: formatting, getInsertionIndex: insertAfter }))
  }
  const placeInSourceOrder =
    (id: string) =>
    (keys: string[]): number => {
      const mine = order.get(id)!
      let index = 0
      keys.forEach((key, i) => {
        const theirs = order.get(key)
        if (theirs !== undefined && theirs < mine) index = i + 1
      })
      return index
    }

  // Entries whose ID left the source become orphans.
  const live = new Set(blocks.map((b) => b.id))
  for (const [id, entry] of Object.entries(file.entries)) {
    if (live.has(id)) continue
    set(['entries', id], undefined)
    if (!hasPath(text, ['orphans'])) set(['orphans'], {})
    set(['orphans', id], entry)
    result.orphaned.push(id)
  }

  for (const block of blocks) {
    let entry: Entry | undefined = file.entries[block.id]
    if (!entry && file.orphans[block.id]) {
      entry = file.orphans[block.id]!
      set(['orphans', block.id], undefined)
      set(['entries', block.id], entry, placeInSourceOrder(block.id))
      result.restored.push(block.id)
    }
    if (!entry) {
      const added: Entry = { state: 'initial', sourceHash: block.hash, source: block.text, text: '' }
      set(['entries', block.id], added, placeInSourceOrder(block.id))
      result.added.push(block.id)
      continue
    }
    const path = ['entries', block.id]
    if (entry.sourceHash === block.hash) {
      if (entry.stale !== undefined) set([...path, 'stale'], undefined)
      continue
    }
    if (entry.text.trim() === '' || entry.stale === false) {
      set([...path, 'sourceHash'], block.hash)
      set([...path, 'source'], block.text)
      if (entry.stale !== undefined) set([...path, 'stale'], undefined)
      ;(entry.text.trim() === '' ? result.refreshed : result.confirmed).push(block.id)
    } else if (entry.stale !== true) {
      set([...path, 'stale'], true)
      result.staled.push(block.id)
    }
  }
  result.text = text
  return result
}

function hasPath(text: string, path: string[]): boolean {
  const tree = parseTree(text)
  return tree !== undefined && findNodeAtLocation(tree, path) !== undefined
}
