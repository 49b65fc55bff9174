import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, it } from 'node:test'
import { press, repoRoot } from '../helpers/project.ts'

describe('press --version', () => {
  it("should print package.json's version and exit 0", () => {
    const { version } = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string }
    for (const flag of ['--version', '-V']) {
      const run = press(repoRoot, [flag])
      assert.equal(run.status, 0, run.stderr)
      assert.equal(run.stdout, `${version}\n`)
    }
  })
})
