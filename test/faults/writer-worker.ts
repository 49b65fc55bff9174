/**
 * A writer for the kill -9 loop (test/faults/kill-writers.test.ts): updates
 * `file` forever, each time under its lock, reading the current version and
 * writing the next one (a few hundred KB, so a kill often lands mid-write).
 * Bundled to plain JavaScript by the test, so each start is quick.
 */
import { readFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { removeStaleTemps, writeFileAtomic } from '../../src/util/files.ts'
import { withFileLock } from '../../src/util/lock.ts'

const [file, root] = process.argv.slice(2) as [string, string]
for (let i = 0; ; i++) {
  await withFileLock(file, async () => {
    const current = JSON.parse(readFileSync(file, 'utf8')) as { version: number }
    await removeStaleTemps(dirname(file))
    const next = { version: current.version + 1, pad: 'x'.repeat(400_000) }
    await writeFileAtomic(file, JSON.stringify(next, null, 2) + '\n', { root })
  })
  if (i === 0) process.stdout.write('ready\n')
}
