import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { assignIds } from '../../src/ids/assign.ts'
import { pruneRetired } from '../../src/ids/lock.ts'
import { blocksOf, lockThenEdit } from '../helpers/blocks.ts'

// A small document in the shape of the Outlook: sections of paragraphs.
const A = 'The penetration of global mobile and fixed broadband networks is on the rise across every region of the world.'
const B = 'Digital economy has become a powerful enabler for the process of global socio-economic transformation and growth.'
const C = 'Internet culture has enriched the spiritual life of humankind and promoted mutual learning across civilizations.'
const D = 'Evolving cutting-edge technologies have created tremendous social value while bringing about cybersecurity risks.'
const H1 = 'I. Integration and innovation of information technologies are accelerating'
const H2 = 'II. The global digital economy is booming and regulation is imperative'

const doc = (...blocks: string[]): string => blocks.join('\n\n') + '\n'
const base = doc(`## ${H1}`, A, B, `## ${H2}`, C, D)

function ids(after: string): { before: string[]; after: string[]; idOf: (s: string, w?: 'before' | 'after') => string; how: string[] } {
  const { first, second, idOf } = lockThenEdit(base, after)
  return { before: first.ids, after: second.ids, idOf, how: second.changes.map((c) => c.how) }
}

describe('paragraph IDs across edits', () => {
  it('should keep every ID when nothing changes, and mint none', () => {
    const r = ids(base)
    assert.deepEqual(r.after, r.before)
    assert.ok(r.how.every((h) => h === 'kept'))
  })

  it('should keep the ID through a typo fix', () => {
    const r = ids(base.replace('is on the rise', 'is on teh rise'))
    assert.deepEqual(r.after, r.before)
    assert.equal(r.how[1], 'edited')
  })

  it('should keep the ID when a sentence is appended', () => {
    const r = ids(base.replace(B, `${B} Countries across the world pursue sustained development of the digital economy.`))
    assert.deepEqual(r.after, r.before)
  })

  it('should keep all IDs and mint one when a paragraph is inserted at the start', () => {
    const r = ids(doc('A new opening paragraph about something else entirely, written later.', `## ${H1}`, A, B, `## ${H2}`, C, D))
    assert.deepEqual(r.after.slice(1), r.before)
    assert.ok(!r.before.includes(r.after[0]!))
  })

  it('should keep all IDs and mint one when a paragraph is inserted in the middle', () => {
    const r = ids(doc(`## ${H1}`, A, 'An inserted paragraph on satellite internet and remote areas.', B, `## ${H2}`, C, D))
    assert.deepEqual([r.after[0], r.after[1], ...r.after.slice(3)], r.before)
    assert.ok(!r.before.includes(r.after[2]!))
  })

  it('should keep all IDs and mint one when a paragraph is inserted at the end', () => {
    const r = ids(doc(`## ${H1}`, A, B, `## ${H2}`, C, D, 'A closing paragraph added at the very end of the text.'))
    assert.deepEqual(r.after.slice(0, -1), r.before)
    assert.equal(new Set(r.after).size, r.after.length)
  })

  it('should retire the ID of a deleted paragraph and keep the others', () => {
    const { first, second } = lockThenEdit(base, doc(`## ${H1}`, A, `## ${H2}`, C, D))
    assert.deepEqual(second.ids, [first.ids[0], first.ids[1], first.ids[3], first.ids[4], first.ids[5]])
    assert.deepEqual(
      second.lock.retired.map((r) => r.id),
      [first.ids[2]],
    )
  })

  it('should keep the ID of a paragraph moved to another section', () => {
    const r = ids(doc(`## ${H1}`, B, `## ${H2}`, C, A, D))
    assert.equal(r.idOf(A.slice(0, 20), 'after'), r.idOf(A.slice(0, 20)))
    assert.deepEqual([...r.after].sort(), [...r.before].sort())
  })

  it('should keep every ID when two sections are swapped', () => {
    const r = ids(doc(`## ${H2}`, C, D, `## ${H1}`, A, B))
    assert.deepEqual(r.after, [r.before[3], r.before[4], r.before[5], r.before[0], r.before[1], r.before[2]])
  })

  it('should keep the ID on the first part of a split paragraph and mint one for the second', () => {
    const long = `${A} Mobile internet has become widespread with billions of users worldwide.`
    const { first, second } = lockThenEdit(
      doc(long, B),
      doc(A, 'Mobile internet has become widespread with billions of users worldwide.', B),
    )
    assert.equal(second.ids[0], first.ids[0])
    assert.equal(second.ids[2], first.ids[1])
    assert.ok(!first.ids.includes(second.ids[1]!))
  })

  it('should keep the first ID when two paragraphs are merged, and retire the second', () => {
    const { first, second } = lockThenEdit(doc(A, B, C), doc(`${A} ${B}`, C))
    assert.deepEqual(second.ids, [first.ids[0], first.ids[2]])
    assert.deepEqual(
      second.lock.retired.map((r) => r.id),
      [first.ids[1]],
    )
  })

  it('should keep the ID of a reworded heading', () => {
    const r = ids(base.replace(H1, 'I. Information and communication technologies converge ever faster'))
    assert.deepEqual(r.after, r.before)
  })

  it('should give the same paragraph text appearing twice two IDs, each kept in place', () => {
    const twice = doc(A, B, A, C)
    const { first, second } = lockThenEdit(twice, doc('A new first paragraph, inserted before everything.', A, B, A, C))
    assert.notEqual(first.ids[0], first.ids[2])
    assert.deepEqual(second.ids.slice(1), first.ids)
  })

  it('should give a retired ID back to the same text, and never mint it again once pruned', () => {
    const { first, second } = lockThenEdit(doc(A, B), doc(A))
    assert.deepEqual(
      second.lock.retired.map((r) => r.id),
      [first.ids[1]],
    )
    const back = assignIds(second.lock, blocksOf(doc(A, B)))
    assert.deepEqual(back.ids, first.ids)
    assert.deepEqual(
      back.changes.map((c) => c.how),
      ['kept', 'revived'],
    )
    assert.deepEqual(back.lock.retired, [])
    const pruned = assignIds(pruneRetired(second.lock), blocksOf(doc(A, B)))
    assert.equal(pruned.ids[0], first.ids[0])
    assert.notEqual(pruned.ids[1], first.ids[1])
    assert.equal(pruned.changes[1]!.how, 'minted')
  })
})
