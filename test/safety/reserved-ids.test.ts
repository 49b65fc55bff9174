/** A paragraph ID must match the minted pattern: an id of the templates (`main`) in the lock is an error at its place. */
import assert from 'node:assert/strict'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, it } from 'node:test'
import { copyProject, lockPath, press, read, write } from '../helpers/project.ts'

describe('an ID in the lock that could collide with the templates', () => {
  for (const id of ['main', 'pp-main', 'fn-1']) {
    it(`should refuse "${id}" with the lock's line:column and a hint, in build and check`, () => {
      const dir = copyProject()
      const original = read(dir, lockPath)
      const first = /"id": "(p-[0-9a-z]{6})"/.exec(original)!
      const text = original.replace(first[0], `"id": "${id}"`)
      write(dir, lockPath, text)
      const offset = text.indexOf(`"${id}"`, first.index)
      const before = text.slice(0, offset).split('\n')
      const where = `${lockPath}:${before.length}:${before.at(-1)!.length + 1}`
      for (const args of [['build', '--format', 'html'], ['check']]) {
        const run = press(dir, args)
        assert.equal(run.status, 1, args.join(' '))
        assert.ok(run.stderr.includes(`${where}: Malformed paragraph ID "${id}".`), run.stderr)
        assert.match(run.stderr, /hint: A paragraph ID is a kind letter \(h, p, n, t, c\), "-" and six lower-case letters or digits/)
        assert.doesNotMatch(run.stderr, /\n\s+at /)
      }
      assert.equal(existsSync(join(dir, 'dist')), false)
      assert.equal(readFileSync(join(dir, lockPath), 'utf8'), text, 'the lock is not repaired silently')
    })
  }
})
