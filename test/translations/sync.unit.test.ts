import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { fingerprint } from '../../src/source/fingerprint.ts'
import { block, entry, meta } from './sync-fixtures.ts'
import { syncTranslation } from '../../src/i18n/sync.ts'
import type { TranslationFile } from '../../src/i18n/translation-file.ts'
import { translationFileSchema } from '../../src/i18n/translation-schema.ts'

const sync = (raw: string, blocks: ReturnType<typeof block>[]) => {
  const file: TranslationFile = translationFileSchema.parse(JSON.parse(raw))
  return syncTranslation(raw, file, blocks)
}

describe('syncing a translation file', () => {
  it('should take the current source when a translator confirms an update with "stale": false', () => {
    const raw = JSON.stringify({ meta, entries: { 'p-a': entry('Old text.', 'Texte mis à jour.', { stale: false }) } }, null, 2)
    const result = sync(raw, [block('p-a', 'New text.')])
    assert.deepEqual(result.confirmed, ['p-a'])
    const after = JSON.parse(result.text).entries['p-a']
    assert.deepEqual(after, { state: 'translated', sourceHash: fingerprint('New text.'), source: 'New text.', text: 'Texte mis à jour.' })
    assert.equal(sync(result.text, [block('p-a', 'New text.')]).text, result.text, 'then nothing more to do')
  })

  it('should clear the stale mark when the source goes back to what was translated', () => {
    const raw = JSON.stringify({ meta, entries: { 'p-a': entry('Same.', 'Pareil.', { stale: true }) } }, null, 2)
    const result = sync(raw, [block('p-a', 'Same.')])
    assert.equal(JSON.parse(result.text).entries['p-a'].stale, undefined)
  })

  it('should bring an orphan back, in source order, when its ID returns', () => {
    const raw = JSON.stringify(
      { meta, entries: { 'p-a': entry('A.', 'A fr.'), 'p-c': entry('C.', 'C fr.') }, orphans: { 'p-b': entry('B.', 'B fr.') } },
      null,
      2,
    )
    const result = sync(raw, [block('p-a', 'A.'), block('p-b', 'B.'), block('p-c', 'C.')])
    assert.deepEqual(result.restored, ['p-b'])
    const data = JSON.parse(result.text)
    assert.deepEqual(Object.keys(data.entries), ['p-a', 'p-b', 'p-c'])
    assert.deepEqual(data.orphans, {})
    assert.equal(data.entries['p-b'].text, 'B fr.')
  })

  it('should leave hand formatting elsewhere in the file byte for byte', () => {
    // Four-space indentation and a one-line entry, as a translator might write them.
    const raw = [
      '{',
      `    "meta": ${JSON.stringify(meta)},`,
      '    "entries": {',
      `        "p-a": ${JSON.stringify(entry('A.', 'A fr.'))},`,
      `        "p-b": ${JSON.stringify(entry('B.', 'B fr.'))}`,
      '    }',
      '}',
      '',
    ].join('\n')
    const result = sync(raw, [block('p-a', 'A.'), block('p-b', 'B, edited.')])
    assert.deepEqual(result.staled, ['p-b'])
    const before = raw.split('\n')
    const after = result.text.split('\n')
    assert.deepEqual(after.slice(0, 4), before.slice(0, 4), 'meta and the untouched entry are as they were')
    assert.equal(JSON.parse(result.text).entries['p-b'].stale, true)
  })

  it('should never drop an entry, whatever the source does', () => {
    const raw = JSON.stringify({ meta, entries: { 'p-a': entry('A.', 'A fr.'), 'p-b': entry('B.', 'B fr.') } }, null, 2)
    const result = sync(raw, [])
    const data = JSON.parse(result.text)
    assert.deepEqual(Object.keys(data.entries), [])
    assert.deepEqual(Object.keys(data.orphans).sort(), ['p-a', 'p-b'])
    assert.equal(data.orphans['p-a'].text, 'A fr.')
  })
})
