import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { estimatedCost, parseShard, partition } from '../../src/commands/build/shard.ts'
import type { Unit } from '../../src/commands/build/units.ts'
import { outputs } from '../../src/outputs/registry.ts'
import type { Publication } from '../../src/project/load.ts'

const publication = { config: { id: 'pub' } } as unknown as Publication
const languages = ['en', 'fr', 'es', 'ru']
const units: Unit[] = outputs.flatMap((output, o) =>
  languages.map((language, l) => ({
    name: `pub/${output.name}/${language}`,
    publication,
    output,
    languages: [language],
    order: o * languages.length + l,
    fingerprint: `${o}-${l}`,
    blocks: 40,
  })),
)

describe('splitting a build into shards', () => {
  it('should read K/N and refuse anything else', () => {
    assert.deepEqual(parseShard('2/3'), { index: 2, count: 3 })
    for (const bad of ['0/3', '4/3', '3', 'a/b', '1/0', '-1/2']) assert.equal(parseShard(bad), undefined, bad)
  })

  it('should put every unit in exactly one shard, in build order, the same way every time', () => {
    const a = partition(units, 3, {})
    const b = partition([...units].reverse(), 3, {})
    assert.deepEqual(
      a.shards.map((s) => s.map((u) => u.name)),
      b.shards.map((s) => s.map((u) => u.name)),
    )
    assert.equal(a.fingerprint, b.fingerprint)
    const names = a.shards.flat().map((u) => u.name)
    assert.deepEqual([...names].sort(), units.map((u) => u.name).sort())
    for (const shard of a.shards)
      assert.deepEqual(
        shard.map((u) => u.order),
        [...shard.map((u) => u.order)].sort((x, y) => x - y),
      )
  })

  it('should balance the estimated cost (blocks × output weight): no shard above the ideal plus the largest unit', () => {
    const p = partition(units, 3, {})
    const total = units.reduce((n, u) => n + estimatedCost(u), 0)
    const largest = Math.max(...units.map(estimatedCost))
    for (const cost of p.costs) assert.ok(cost <= total / 3 + largest, `${cost} ≤ ${total / 3} + ${largest}`)
    assert.equal(p.timed, false)
  })

  it('should use recorded timings only when every unit has one', () => {
    const timings = Object.fromEntries(units.map((u, i) => [u.name, i === 0 ? 100 : 1]))
    const timed = partition(units, 2, timings)
    assert.equal(timed.timed, true)
    const heavy = timed.shards.find((s) => s.some((u) => u.name === units[0]!.name))!
    assert.equal(heavy.length, 1, 'the unit that took 100 s has a shard to itself')
    const partial = partition(units, 2, { [units[0]!.name]: 100 })
    assert.equal(partial.timed, false)
    assert.notEqual(partial.fingerprint, timed.fingerprint)
  })
})
