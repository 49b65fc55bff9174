/**
 * The manifest comes from the build's results, and the download page lists
 * every publication present in dist/, also after `press build --publication X`.
 */
import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import { cpSync, mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { before, describe, it } from 'node:test'
import { copyProject, press, publicationId, repoRoot } from '../helpers/project.ts'

const other = 'field-guide'

interface Manifest {
  editions: { language: string; format: string; path: string; size: number; sha256: string }[]
}

describe('the download page and the manifests', () => {
  const dir = copyProject()
  const manifestOf = (id: string): Manifest => JSON.parse(readFileSync(join(dir, 'dist', id, 'manifest.json'), 'utf8')) as Manifest
  let outlookManifest = ''
  before(() => {
    mkdirSync(join(dir, 'content', other))
    cpSync(join(repoRoot, 'test', 'fixtures', other), join(dir, 'content', other), { recursive: true })
    for (const args of [
      ['ids', '--publication', other],
      ['sync', '--publication', other],
      ['build', '--publication', publicationId, '--format', 'html'],
    ]) {
      const run = press(dir, args)
      assert.equal(run.status, 0, run.stderr)
    }
    outlookManifest = readFileSync(join(dir, 'dist', publicationId, 'manifest.json'), 'utf8')
  })

  it('should list each file written with the size and sha256 of its bytes', () => {
    const manifest = manifestOf(publicationId)
    assert.deepEqual(
      manifest.editions.map((e) => `${e.language}/${e.format}`),
      ['en', 'zh', 'fr', 'es', 'ru', 'ar'].map((l) => `${l}/html`),
    )
    for (const entry of manifest.editions) {
      const bytes = readFileSync(join(dir, 'dist', entry.path))
      assert.equal(entry.size, bytes.length, entry.path)
      assert.equal(entry.sha256, createHash('sha256').update(bytes).digest('hex'), entry.path)
    }
  })

  it('should keep the other publications on the download page after `press build --publication X`', () => {
    const run = press(dir, ['build', '--publication', other, '--format', 'html'])
    assert.equal(run.status, 0, run.stderr)
    const index = readFileSync(join(dir, 'dist', 'index.html'), 'utf8')
    assert.match(index, new RegExp(`id="pp-pub-${publicationId}"`))
    assert.match(index, new RegExp(`id="pp-pub-${other}"`))
    assert.match(index, /href="wuzhen-outlook-2019\/fr\/index.html"/)
    const fr = readFileSync(join(dir, 'dist', 'index.fr.html'), 'utf8')
    assert.match(fr, /Perspectives de Wuzhen 2019/, 'the other publication keeps its translated title')
    assert.equal(readFileSync(join(dir, 'dist', publicationId, 'manifest.json'), 'utf8'), outlookManifest, 'its manifest is left as it was')
  })

  it('should keep the entries of files an earlier build wrote when building another format', () => {
    const run = press(dir, ['build', '--publication', other, '--format', 'epub', '--lang', 'fr'])
    assert.equal(run.status, 0, run.stderr)
    const formats = manifestOf(other).editions.map((e) => `${e.language}/${e.format}`)
    assert.deepEqual(formats, ['en/html', 'fr/html', 'fr/epub', 'ar/html'])
  })
})
