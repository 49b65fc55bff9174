import assert from 'node:assert/strict'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, it } from 'node:test'
import { FontSubsetter, subsetKey } from '../../src/outputs/epub/subset.ts'
import { facesFor, packageFaces } from '../../src/outputs/fonts.ts'
import { copyProject, press } from '../helpers/project.ts'

const epub = (dir: string, out: string, language: string): Buffer =>
  readFileSync(join(dir, out, 'wuzhen-outlook-2019', language, `wuzhen-outlook-2019.${language}.epub`))
const cached = (dir: string): string[] => {
  const fonts = join(dir, '.press-cache', 'fonts')
  return existsSync(fonts) ? readdirSync(fonts).sort() : []
}

describe('font subsets: worker threads and the cache', () => {
  it('should key a subset by the font bytes and the set of characters, not their order', () => {
    const font = new Uint8Array([1, 2, 3])
    assert.equal(subsetKey(font, 'abca'), subsetKey(font, 'cab'))
    assert.notEqual(subsetKey(font, 'abc'), subsetKey(font, 'abd'))
    assert.notEqual(subsetKey(font, 'abc'), subsetKey(new Uint8Array([1, 2, 4]), 'abc'))
  })

  it('should make the same bytes in worker threads as in this thread', async () => {
    const text = 'Le Sommet mondial de l’Internet — 互联网发展 — الإنترنت'
    const faces = facesFor(
      text,
      ['@fontsource/noto-serif', '@fontsource/noto-serif-sc', '@fontsource/noto-naskh-arabic'].flatMap(packageFaces),
    )
    assert.ok(faces.length >= 3)
    const pool = new FontSubsetter({ jobs: 2 })
    const inThread = new FontSubsetter({ jobs: 1 })
    try {
      const [a, b] = await Promise.all([
        Promise.all(faces.map((face) => pool.subset(face.path, text))),
        Promise.all(faces.map((face) => inThread.subset(face.path, text))),
      ])
      assert.deepEqual(a, b)
      assert.equal(Buffer.from(a[0]!).subarray(0, 4).toString('latin1'), 'wOF2')
    } finally {
      await pool.close()
    }
  })

  it('should build the same EPUB from cached subsets as without the cache, and press clean should remove them', () => {
    const dir = copyProject()
    const args = ['build', '--format', 'epub', '--lang', 'zh,ar']
    const cold = press(dir, [...args, '--out', 'cold'])
    assert.equal(cold.status, 0, cold.stderr)
    const subsets = cached(dir)
    assert.ok(subsets.length > 10, `${subsets.length} subsets cached`)
    assert.ok(subsets.every((name) => /^[0-9a-f]{64}\.woff2$/.test(name)))

    const warm = press(dir, [...args, '--out', 'warm', '--jobs', '1'])
    assert.equal(warm.status, 0, warm.stderr)
    assert.deepEqual(cached(dir), subsets, 'a warm build adds no subset')
    const uncached = press(dir, [...args, '--out', 'uncached', '--no-cache', '--jobs', '2'])
    assert.equal(uncached.status, 0, uncached.stderr)
    for (const language of ['zh', 'ar']) {
      assert.ok(epub(dir, 'cold', language).equals(epub(dir, 'warm', language)), `${language}: cached = cold`)
      assert.ok(epub(dir, 'cold', language).equals(epub(dir, 'uncached', language)), `${language}: cached = --no-cache`)
    }

    const clean = press(dir, ['clean'])
    assert.equal(clean.status, 0, clean.stderr)
    assert.match(clean.stdout + clean.stderr, /Removed \.press-cache\//)
    assert.equal(existsSync(join(dir, '.press-cache')), false)
    assert.equal(press(dir, [...args, '--out', 'again', '--no-cache']).status, 0)
    assert.equal(existsSync(join(dir, '.press-cache')), false, '--no-cache writes no cache')
  })
})
