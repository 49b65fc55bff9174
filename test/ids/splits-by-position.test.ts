import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { lockThenEdit } from '../helpers/blocks.ts'

const doc = (...blocks: string[]): string => blocks.join('\n\n') + '\n'
const intro = 'Three trends stand out.'
const one = 'Mobile broadband now reaches the remotest valleys through low orbit satellites and shared towers.'
const two = 'Cloud services let small firms rent the computing power that only large companies could once afford.'
const three = 'Open data portals publish public records that researchers and journalists reuse every single day.'
const tail =
  'Together these trends are reshaping how governments, companies and citizens work with information and with each other in every region.'
const before = 'The opening paragraph of the section, which nobody edits in these scenarios at all.'
const after = 'The closing paragraph of the section, which nobody edits in these scenarios either.'

describe('splits and merges go by position', () => {
  it('should keep the ID on a short first part when a paragraph is split in two', () => {
    const whole = `${intro} ${tail}`
    const { first, second } = lockThenEdit(doc(before, whole, after), doc(before, intro, tail, after))
    const [b, w, a] = first.ids
    assert.deepEqual(second.ids.slice(0, 2), [b, w])
    assert.equal(second.ids[3], a)
    assert.ok(!first.ids.includes(second.ids[2]!), 'the long tail gets a new ID')
    assert.deepEqual(
      second.changes.map((c) => c.how),
      ['kept', 'split', 'minted', 'kept'],
    )
    assert.deepEqual(second.lock.retired, [])
  })

  it('should keep the ID on a long first part when a paragraph is split in two', () => {
    const whole = `${tail} ${intro}`
    const { first, second } = lockThenEdit(doc(before, whole, after), doc(before, tail, intro, after))
    assert.equal(second.ids[1], first.ids[1])
    assert.ok(!first.ids.includes(second.ids[2]!))
    assert.deepEqual(
      second.changes.map((c) => c.how),
      ['kept', 'split', 'minted', 'kept'],
    )
  })

  it('should give the ID to the intro when a paragraph becomes an intro, list items and a tail', () => {
    const whole = `${intro} ${one} ${two} ${three} ${tail}`
    const list = `${intro}\n\n- ${one}\n- ${two}\n- ${three}\n\n${tail}`
    const { first, second } = lockThenEdit(doc(before, whole, after), doc(before, list, after))
    const [b, w, a] = first.ids
    assert.equal(second.ids.length, 7)
    assert.deepEqual([second.ids[0], second.ids[1], second.ids[6]], [b, w, a])
    assert.equal(second.lock.blocks[1]!.text, intro)
    for (const id of second.ids.slice(2, 6)) assert.ok(!first.ids.includes(id), `${id} is new`)
    assert.deepEqual(
      second.changes.map((c) => c.how),
      ['kept', 'split', 'minted', 'minted', 'minted', 'minted', 'kept'],
    )
  })

  it('should keep the first item ID when a list becomes one paragraph', () => {
    const list = `- ${one}\n- ${two}\n- ${three}`
    const { first, second } = lockThenEdit(doc(before, list, after), doc(before, `${one} ${two} ${three}`, after))
    const [b, i1, i2, i3, a] = first.ids
    assert.deepEqual(second.ids, [b, i1, a])
    assert.deepEqual(
      second.changes.map((c) => c.how),
      ['kept', 'merged', 'kept'],
    )
    assert.deepEqual(
      second.lock.retired.map((r) => r.id),
      [i2, i3],
    )
  })

  it('should keep the first ID when a short paragraph and a long one are merged', () => {
    const { first, second } = lockThenEdit(doc(before, intro, tail, after), doc(before, `${intro} ${tail}`, after))
    const [b, short, long, a] = first.ids
    assert.deepEqual(second.ids, [b, short, a])
    assert.deepEqual(
      second.lock.retired.map((r) => r.id),
      [long],
    )
  })
})
