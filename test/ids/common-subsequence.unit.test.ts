import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { lcs } from '../../src/ids/match.ts'

/** The whole table, as the matcher computed it before it skipped the common head and tail. */
function wholeTable(a: string[], b: string[]): [number, number][] {
  const table = Array.from({ length: a.length + 1 }, () => new Uint32Array(b.length + 1))
  for (let i = a.length - 1; i >= 0; i--)
    for (let j = b.length - 1; j >= 0; j--)
      table[i]![j] = a[i] === b[j] ? table[i + 1]![j + 1]! + 1 : Math.max(table[i + 1]![j]!, table[i]![j + 1]!)
  const pairs: [number, number][] = []
  for (let i = 0, j = 0; i < a.length && j < b.length;) {
    if (a[i] === b[j]) pairs.push([i++, j++])
    else if (table[i + 1]![j]! >= table[i]![j + 1]!) i++
    else j++
  }
  return pairs
}

/** A small deterministic generator, so a failure can be replayed. */
function sequences(seed: number): [string[], string[]] {
  let state = seed
  const next = (n: number): number => ((state = (state * 1103515245 + 12345) % 2147483648), state % n)
  const common = Array.from({ length: next(12) }, () => 'abcdefg'[next(7)]!)
  const edit = (list: string[]): string[] => list.flatMap((x) => (next(4) === 0 ? [] : next(5) === 0 ? [x, 'xyz'[next(3)]!] : [x]))
  return [edit(common), edit(common)]
}

describe('the longest common subsequence of block keys', () => {
  it('should pair the same blocks as the whole table, duplicates and edits included', () => {
    for (let seed = 1; seed <= 2000; seed++) {
      const [a, b] = sequences(seed)
      assert.deepEqual(lcs(a, b), wholeTable(a, b), `seed ${seed}: ${a.join('')} / ${b.join('')}`)
    }
  })

  it('should pair every block of two equal long lists without a table', () => {
    const keys = Array.from({ length: 20000 }, (_, i) => `p${i % 150}`)
    const pairs = lcs(keys, [...keys])
    assert.equal(pairs.length, keys.length)
    assert.ok(pairs.every(([i, j], k) => i === k && j === k))
  })
})
