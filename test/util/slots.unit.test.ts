import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { Slots } from '../../src/util/async.ts'

describe('slots shared by two batches', () => {
  it('should run at most their size at once over both, in the order asked, and free a slot when a work fails', async () => {
    const slots = new Slots(2)
    let running = 0
    let most = 0
    const started: string[] = []
    const work = (name: string, fail = false) =>
      slots.run(async () => {
        started.push(name)
        most = Math.max(most, ++running)
        await new Promise((resolve) => setTimeout(resolve, 5))
        running--
        if (fail) throw new Error(name)
        return name
      })
    const batches = await Promise.allSettled([work('a1', true), work('b1'), work('a2'), work('b2'), work('a3')])
    assert.equal(most, 2)
    assert.deepEqual(started, ['a1', 'b1', 'a2', 'b2', 'a3'])
    assert.deepEqual(
      batches.map((b) => b.status),
      ['rejected', 'fulfilled', 'fulfilled', 'fulfilled', 'fulfilled'],
    )
  })
})
