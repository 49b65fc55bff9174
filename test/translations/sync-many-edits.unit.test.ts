import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { applyEdits, findNodeAtLocation, modify, parseTree, type FormattingOptions } from 'jsonc-parser'
import { fingerprint } from '../../src/source/fingerprint.ts'
import { block, entry, meta } from './sync-fixtures.ts'
import { syncTranslation, type SyncBlock } from '../../src/i18n/sync.ts'
import type { Entry, TranslationFile } from '../../src/i18n/translation-file.ts'
import { translationFileSchema } from '../../src/i18n/translation-schema.ts'

const formatting: FormattingOptions = { insertSpaces: true, tabSize: 2, eol: '\n' }

/** The sync as it was: one jsonc-parser modify of the whole text per edit (quadratic), kept here as the reference. */
function oneEditAtATime(raw: string, file: TranslationFile, blocks: readonly SyncBlock[]): string {
  let text = raw
  const order = new Map(blocks.map((b, i) => [b.id, i]))
  const set = (path: (string | number)[], value: unknown, insertAfter?: (keys: string[]) => number): void => {
    text = applyEdits(text, modify(text, path, value, { formattingOptions: formatting, getInsertionIndex: insertAfter }))
  }
  const inOrder = (id: string) => (keys: string[]) => {
    let index = 0
    keys.forEach((key, i) => {
      const theirs = order.get(key)
      if (theirs !== undefined && theirs < order.get(id)!) index = i + 1
    })
    return index
  }
  const live = new Set(blocks.map((b) => b.id))
  for (const [id, entry] of Object.entries(file.entries)) {
    if (live.has(id)) continue
    set(['entries', id], undefined)
    const tree = parseTree(text)
    if (!tree || !findNodeAtLocation(tree, ['orphans'])) set(['orphans'], {})
    set(['orphans', id], entry)
  }
  for (const block of blocks) {
    let entry: Entry | undefined = file.entries[block.id]
    if (!entry && file.orphans[block.id]) {
      entry = file.orphans[block.id]!
      set(['orphans', block.id], undefined)
      set(['entries', block.id], entry, inOrder(block.id))
    }
    if (!entry) {
      set(['entries', block.id], { state: 'initial', sourceHash: block.hash, source: block.text, text: '' }, inOrder(block.id))
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
    } else if (entry.stale !== true) set([...path, 'stale'], true)
  }
  return text
}

const both = (raw: string, blocks: SyncBlock[]) => {
  const file = translationFileSchema.parse(JSON.parse(raw))
  return { now: syncTranslation(raw, file, blocks).text, before: oneEditAtATime(raw, file, blocks) }
}

describe('syncing many edits at once', () => {
  it('should write the same bytes as one whole-file edit at a time, hand formatting included', () => {
    // Four-space indentation, a one-line entry, an entry on the same line as another, a blank line.
    const raw = [
      '{',
      `    "meta": ${JSON.stringify(meta)},`,
      '    "entries": {',
      `        "p-a": ${JSON.stringify(entry('A.', 'A fr.'))},`,
      '',
      '        "p-c": {',
      '            "state": "translated",  "sourceHash": "' + fingerprint('C old.') + '",',
      '            "source": "C old.", "text": "C fr."',
      '        },',
      `        "p-e": ${JSON.stringify(entry('E.', '', { stale: false }))}, "p-f": ${JSON.stringify(entry('F.', 'F', { stale: true }))},`,
      `        "p-x": ${JSON.stringify(entry('X.', 'X fr.'))}`,
      '    },',
      `    "orphans": { "p-d": ${JSON.stringify(entry('D.', 'D fr.'))} }`,
      '}',
      '',
    ].join('\n')
    const blocks = [
      block('p-0', 'New first.'),
      block('p-a', 'A.'),
      block('p-b', 'New B.'),
      block('p-c', 'C new.'),
      block('p-d', 'D.'),
      block('p-e', 'E changed.'),
      block('p-f', 'F.'),
      block('p-g', 'New G.'),
      block('p-h', 'New H.'),
    ]
    const { now, before } = both(raw, blocks)
    assert.equal(now, before)
    assert.deepEqual(Object.keys(JSON.parse(now).entries), ['p-0', 'p-a', 'p-b', 'p-c', 'p-d', 'p-e', 'p-f', 'p-g', 'p-h'])
  })

  it('should add a thousand new entries in source order, as the one-at-a-time edits did', () => {
    const raw =
      JSON.stringify({ meta, entries: { 'p-1': entry('One.', 'Un.'), 'p-500': entry('Five hundred.', 'Cinq cents.') } }, null, 2) + '\n'
    const blocks = Array.from({ length: 1000 }, (_, i) =>
      i === 1 ? block('p-1', 'One.') : i === 500 ? block('p-500', 'Five hundred.') : block(`p-${i}`, `Block ${i}.`),
    )
    const { now, before } = both(raw, blocks)
    assert.equal(now, before)
    assert.deepEqual(
      Object.keys(JSON.parse(now).entries),
      blocks.map((b) => b.id),
    )
  })

  it('should place new entries as before in a file that is not in source order', () => {
    const raw = JSON.stringify({ meta, entries: { 'p-c': entry('C.', 'C fr.'), 'p-a': entry('A.', 'A fr.') } }, null, 2)
    const { now, before } = both(raw, [block('p-a', 'A.'), block('p-b', 'B.'), block('p-c', 'C.'), block('p-d', 'D.')])
    assert.equal(now, before)
  })
})
