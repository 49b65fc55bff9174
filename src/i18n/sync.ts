/**
 * Bring a translation file in line with the source's blocks, editing the
 * JSON text in place (jsonc-parser's modify, one entry at a time: src/i18n/property-list.ts), so that
 * every byte not concerned stays as it was, hand formatting included:
 *
 * - an ID new in the source is added as a missing entry, at its place in source order;
 * - an entry whose source changed gets `"stale": true` (its `source` keeps the text it was
 *   translated from, for the diff); `"stale": false` set by a translator confirms the update:
 *   the entry then takes the current source and fingerprint;
 * - an entry whose ID left the source moves to `orphans`, never deleted; an orphan whose ID
 *   is back moves back.
 */
import { applyEdits, modify, parseTree, findNodeAtLocation, type FormattingOptions } from 'jsonc-parser'
import { PropertyList } from './property-list.ts'
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
  const set = (path: (string | number)[], value: unknown): void => {
    text = applyEdits(text, modify(text, path, value, { formattingOptions: formatting }))
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

  // From here every edit is in one entry, or adds one: edited property by property (linear in the file).
  const entries = new PropertyList(text, ['entries'], formatting)
  const place = insertionPlaces(entries, order)
  for (const block of blocks) {
    let entry: Entry | undefined = file.entries[block.id]
    if (!entry && file.orphans[block.id]) {
      entry = file.orphans[block.id]!
      entries.modifyDocument(['orphans', block.id], undefined)
      entries.insert(block.id, entry, place(block.id))
      result.restored.push(block.id)
    }
    if (!entry) {
      const added: Entry = { state: 'initial', sourceHash: block.hash, source: block.text, text: '' }
      entries.insert(block.id, added, place(block.id))
      result.added.push(block.id)
      continue
    }
    const field = (name: string, value: unknown): void => entries.setField(block.id, name, value)
    if (entry.sourceHash === block.hash) {
      if (entry.stale !== undefined) field('stale', undefined)
      continue
    }
    if (entry.text.trim() === '' || entry.stale === false) {
      field('sourceHash', block.hash)
      field('source', block.text)
      if (entry.stale !== undefined) field('stale', undefined)
      ;(entry.text.trim() === '' ? result.refreshed : result.confirmed).push(block.id)
    } else if (entry.stale !== true) {
      field('stale', true)
      result.staled.push(block.id)
    }
  }
  result.text = entries.text
  return result
}

/**
 * Where a new entry goes: after the last entry whose block comes before it in
 * the source. Entries are added in source order, so when the file is in source
 * order each search starts where the last one ended; otherwise it looks at
 * every entry.
 */
function insertionPlaces(entries: PropertyList, order: ReadonlyMap<string, number>): (id: string) => number {
  const keys = entries.keys()
  const sorted = keys.every((key, i) => i === 0 || (order.get(keys[i - 1]!) ?? -1) < (order.get(key) ?? -1))
  let from = 0
  return (id) => {
    const mine = order.get(id)!
    const current = sorted ? undefined : entries.keys()
    if (current) {
      let index = 0
      current.forEach((key, i) => {
        const theirs = order.get(key)
        if (theirs !== undefined && theirs < mine) index = i + 1
      })
      return index
    }
    let index = from
    while (index < entries.size && (order.get(entries.keyAt(index)) ?? -1) < mine) index++
    from = index + 1
    return index
  }
}

function hasPath(text: string, path: string[]): boolean {
  const tree = parseTree(text)
  return tree !== undefined && findNodeAtLocation(tree, path) !== undefined
}
