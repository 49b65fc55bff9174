/**
 * Sharded builds: 3 shards built into separate folders and merged are byte-identical to one build;
 * merging shards of different revisions, a missing shard or a shard given twice fails clearly; a
 * re-run shard merges; a shard never mints IDs.
 */
import assert from 'node:assert/strict'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { before, describe, it } from 'node:test'
import { copyProject, press, sourcePath } from '../helpers/project.ts'
import { copyFixture } from '../languages/fixture.ts'
import { buildUnits, hashes } from './helpers.ts'

/** One build and 3 shards (no cache: the split is the estimate), each in its own folder. */
function shardsAndSingle(dir: string, args: string[]): void {
  buildUnits(dir, [...args, '--no-cache', '--out', 'single'])
  for (const k of [1, 2, 3]) buildUnits(dir, [...args, '--no-cache', '--shard', `${k}/3`, '--out', `shard-${k}`])
}

describe('sharded builds and press merge', () => {
  let dir: string
  let fixture: string
  const bundled = ['--format', 'html,pdf', '--lang', 'en,fr']
  before(() => {
    dir = copyProject()
    shardsAndSingle(dir, bundled)
    fixture = copyFixture()
    shardsAndSingle(fixture, ['--format', 'html,epub', '--lang', 'en,ja,he,hi']) // three scripts and right to left
  })

  it('should print a deterministic split into shards with --dry-run', () => {
    const a = press(dir, ['build', ...bundled, '--no-cache', '--shard', '1/3', '--dry-run'])
    assert.equal(a.status, 0, a.stderr)
    assert.match(a.stdout, /^3 shards \(cost: source blocks × output weight\):$/m)
    assert.match(a.stdout, /^ {2}shard 3\/3: \d+ units, cost [\d.]+$/m)
    assert.equal(press(dir, ['build', ...bundled, '--no-cache', '--shard', '2/3', '--dry-run']).stdout, a.stdout)
    const units = [...a.stdout.matchAll(/^ {4}(\S+)$/gm)].map((m) => m[1]).sort()
    assert.deepEqual(units, [
      'wuzhen-outlook-2019/assets',
      'wuzhen-outlook-2019/html/en',
      'wuzhen-outlook-2019/html/fr',
      'wuzhen-outlook-2019/parallel/en-fr',
      'wuzhen-outlook-2019/pdf/en',
      'wuzhen-outlook-2019/pdf/fr',
      'wuzhen-outlook-2019/review/en-fr',
    ])
  })

  it('should merge 3 shards into the bytes of one build (bundled publication with PDFs, multi-script fixture)', () => {
    for (const project of [dir, fixture]) {
      const run = press(project, ['merge', 'shard-1', 'shard-2', 'shard-3', '--out', 'merged'])
      assert.equal(run.status, 0, run.stderr)
      assert.match(run.stdout, /Merged 3 shards: \d+ units/)
      const merged = hashes(join(project, 'merged'))
      assert.ok([...merged.keys()].some((p) => p.endsWith('.pdf') || p.endsWith('.html')))
      assert.deepEqual([...merged], [...hashes(join(project, 'single'))])
    }
  })

  it('should refuse a missing shard naming its units, and a shard given twice', () => {
    const missing = press(dir, ['merge', 'shard-1', 'shard-3', '--out', 'partial'])
    assert.equal(missing.status, 1)
    assert.match(missing.stderr, /No shard built wuzhen-outlook-2019\/\S+ \(shard 2\/3\)/)
    assert.match(missing.stderr, /press build --shard 2\/3/)
    const twice = press(dir, ['merge', 'shard-1', 'shard-1', 'shard-2', '--out', 'twice'])
    assert.equal(twice.status, 1)
    assert.match(twice.stderr, /shard-1 and shard-1 are both shard 1\/3/)
  })

  it('should refuse shards of different revisions, naming the shards; a re-run shard merges', () => {
    const text = readFileSync(join(dir, sourcePath), 'utf8')
    writeFileSync(join(dir, sourcePath), text.replace('This year marks', 'This very year marks'))
    buildUnits(dir, [...bundled, '--no-cache', '--shard', '2/3', '--out', 'shard-2-edited'])
    const mixed = press(dir, ['merge', 'shard-1', 'shard-2-edited', 'shard-3', '--out', 'mixed'])
    assert.equal(mixed.status, 1)
    assert.match(
      mixed.stderr,
      /different source revision of wuzhen-outlook-2019 \(sources and ID lock\): shard-1, shard-3: \w+; shard-2-edited: \w+/,
    )
    writeFileSync(join(dir, sourcePath), text)
    buildUnits(dir, [...bundled, '--no-cache', '--shard', '2/3', '--out', 'shard-2-again'])
    const again = press(dir, ['merge', 'shard-1', 'shard-2-again', 'shard-3', '--out', 'again'])
    assert.equal(again.status, 0, again.stderr)
    assert.deepEqual([...hashes(join(dir, 'again'))], [...hashes(join(dir, 'single'))])
  })

  it('should never mint IDs in a shard', () => {
    const text = readFileSync(join(dir, sourcePath), 'utf8')
    writeFileSync(join(dir, sourcePath), text + '\nA paragraph the lock has never seen, added after the last build.\n')
    const run = press(dir, ['build', '--format', 'html', '--lang', 'en', '--shard', '1/2', '--out', 'new-block'])
    assert.equal(run.status, 1)
    assert.match(run.stderr, /has no paragraph ID in content\/wuzhen-outlook-2019\/ids\.lock\.json, and IDs are frozen/)
    writeFileSync(join(dir, sourcePath), text)
  })
})
