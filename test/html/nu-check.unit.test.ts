/** The Nu Html Checker helper fails a test when it cannot check: a validator that cannot run is never a pass. */
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { nuCheck } from '../helpers/html.ts'

describe('the Nu Html Checker helper', () => {
  it('should throw when Java cannot run, instead of returning no messages', () => {
    const path = process.env.PATH
    process.env.PATH = '/nonexistent'
    try {
      assert.throws(() => nuCheck(['index.html']), /ENOENT|java/)
    } finally {
      process.env.PATH = path
    }
  })
})
