/**
 * The incremental cache is never stale: changing each kind of input rebuilds exactly the work units
 * that read it (the others are restored from .press-cache/ byte for byte), and a cached build is
 * byte-identical to a build with --no-cache.
 */
import assert from 'node:assert/strict'
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { before, describe, it } from 'node:test'
import { copyProject, publicationId, sourcePath, lockPath } from '../helpers/project.ts'
import { buildUnits, changed, hashes } from './helpers.ts'

// Three of the six languages: es renames itself below (every HTML edition links to it), fr is edited, en is the source.
const targets = ['es', 'fr']
const all = ['en', ...targets]
const args = ['--format', 'html,epub', '--lang', all.join(',')]
const every = [...all.flatMap((l) => [`html/${l}`, `epub/${l}`]), ...targets.map((l) => `review/en-${l}`), 'assets'].sort()
const fr = ['html/fr', 'epub/fr', 'review/en-fr']

function edit(dir: string, path: string, change: (text: string) => string): void {
  const file = join(dir, path)
  const before = readFileSync(file, 'utf8')
  const after = change(before)
  assert.notEqual(after, before, `${path} changed`)
  writeFileSync(file, after)
}

const frEntry = (text: string, added = ' Fin.'): string => {
  const file = JSON.parse(text) as { entries: Record<string, { text: string }> }
  const id = Object.keys(file.entries)[3]!
  file.entries[id]!.text += added
  return JSON.stringify(file, null, 2) + '\n'
}

describe('incremental build cache', () => {
  let dir: string
  const steps: {
    name: string
    built: string[]
    reused: number
    changed: string[]
    stdout: string
    files: number
    /** The languages whose edition summary (.press-cache/editions/) is new. */
    summaries: string[]
  }[] = []
  before(() => {
    dir = copyProject()
    let snapshot = new Map<string, string>()
    let known = new Set<string>()
    const step = (name: string, change?: () => void): void => {
      change?.()
      const { built, reused, run } = buildUnits(dir, args)
      const after = hashes(join(dir, 'dist'))
      const kept = summaries(dir)
      const added = [...kept].filter(([file]) => !known.has(file)).map(([, language]) => language)
      steps.push({ name, built, reused, changed: changed(snapshot, after), stdout: run.stdout, files: after.size, summaries: added.sort() })
      snapshot = after
      known = new Set(kept.keys())
    }
    step('cold')
    step('no-op')
    step('source', () => edit(dir, sourcePath, (t) => t.replace('This year marks', 'This very year marks')))
    step('lock', () => edit(dir, lockPath, (t) => t.replace(/\n$/, '\n\n')))
    step('translation', () => edit(dir, `translations/fr/${publicationId}.json`, frEntry))
    step('ui', () => edit(dir, 'translations/fr/ui.json', (t) => t.replace('"Table des matières"', '"Sommaire"')))
    // No edition shows Greek yet: the word needs Noto Serif's Greek faces in the shared assets.
    step('translation with a new script', () => edit(dir, `translations/fr/${publicationId}.json`, (t) => frEntry(t, ' (λόγος)')))
    step('ui language name', () =>
      edit(dir, 'translations/es/ui.json', (t) => t.replace('"languageName": "Español"', '"languageName": "Castellano"')),
    )
    step('epub template', () => edit(dir, 'templates/epub.css', (t) => t + '\n/* print a little larger */\n'))
    step('screen template', () => edit(dir, 'templates/screen.css', (t) => t + '\n/* screen */\n'))
    step('config', () => edit(dir, `content/${publicationId}/publication.yaml`, (t) => t.replace('[Internet governance,', '[Internet,')))
  })
  const of = (name: string) => steps.find((s) => s.name === name)!

  it('should build every unit cold and none when nothing changed', () => {
    assert.deepEqual(of('cold').built, every)
    assert.deepEqual(of('no-op').built, [])
    assert.equal(of('no-op').reused, every.length)
    assert.deepEqual(of('no-op').changed, [], 'a no-op build writes the same bytes')
    assert.match(
      of('no-op').stdout,
      new RegExp(`^Nothing changed \\(${of('no-op').files} files up to date\\) in `, 'm'),
      'it says it wrote nothing',
    )
    assert.match(of('translation').stdout, /^Wrote \d+ files, \d+ up to date in /m, 'an edit says what it wrote and what it kept')
  })

  it('should rebuild every edition after a source paragraph, the lock or the config changed (the assets after the config)', () => {
    // The shared assets are restored by what they read (the characters shown, not the text): no new character here.
    const editions = every.filter((u) => u !== 'assets')
    for (const name of ['source', 'lock']) assert.deepEqual(of(name).built, editions, name)
    assert.deepEqual(of('config').built, every)
    assert.ok(of('source').changed.includes(`${publicationId}/en/index.html`))
  })

  it('should rebuild only French units after a French entry or interface string changed', () => {
    for (const name of ['translation', 'ui', 'translation with a new script']) {
      const step = of(name)
      // The shared fonts change only when a character needs a face no edition used before.
      const expected = name === 'translation with a new script' ? [...fr, 'assets'] : fr
      assert.deepEqual(step.built, [...expected].sort(), name)
      assert.ok(step.changed.includes(`${publicationId}/fr/index.html`), `${name}: fr/index.html changed`)
      const others = step.changed.filter((p) => new RegExp(`/(en|zh|es|ru|ar)/|review/en-(zh|es|ru|ar)\\.`).test(p))
      assert.deepEqual(others, [], `${name}: no other language's file changed`)
    }
    const assets = (name: string) => of(name).changed.filter((p) => p.includes('/assets/'))
    assert.deepEqual(assets('translation'), [], 'the same characters: the same fonts')
    const greek = assets('translation with a new script')
    assert.ok(greek.includes(`${publicationId}/assets/fonts.css`), greek.join(' '))
    assert.ok(
      greek.some((p) => /\/fonts\/noto-serif-greek-400-normal\.woff2$/.test(p)),
      `the Greek face is written: ${greek.join(' ')}`,
    )
  })

  it('should rebuild every HTML edition when a language renames itself (each links to it)', () => {
    const expected = [...all.map((l) => `html/${l}`), 'epub/es', 'review/en-es'].sort()
    assert.deepEqual(of('ui language name').built, expected)
  })

  it('should rebuild only the units that read a changed template', () => {
    assert.deepEqual(of('epub template').built, all.map((l) => `epub/${l}`).sort())
    assert.ok(of('epub template').changed.every((p) => p.endsWith('.epub') || p.endsWith('manifest.json') || /^index/.test(p)))
    assert.deepEqual(of('screen template').built, ['assets'])
    assert.ok(of('screen template').changed.includes(`${publicationId}/assets/screen.css`))
  })

  it('should localize again only the editions whose inputs changed (the others are summarized in the cache)', () => {
    const everyLanguage = ['ar', 'en', 'es', 'fr', 'ru', 'zh']
    assert.deepEqual(of('cold').summaries, everyLanguage)
    for (const name of ['source', 'lock', 'config']) assert.deepEqual(of(name).summaries, everyLanguage, name)
    for (const name of ['translation', 'ui', 'translation with a new script']) assert.deepEqual(of(name).summaries, ['fr'], name)
    assert.deepEqual(of('ui language name').summaries, ['es'])
    for (const name of ['no-op', 'epub template', 'screen template']) assert.deepEqual(of(name).summaries, [], name)
  })

  it('should write the same bytes from the cache as without it', () => {
    const uncached = buildUnits(dir, [...args, '--no-cache', '--out', 'uncached'])
    assert.deepEqual(uncached.built, every)
    assert.deepEqual([...hashes(join(dir, 'uncached'))], [...hashes(join(dir, 'dist'))])
  })

  it('should stop listing an edition an earlier build wrote once its inputs changed', () => {
    edit(dir, `translations/fr/${publicationId}.json`, frEntry)
    assert.deepEqual(buildUnits(dir, ['--format', 'html', '--lang', all.join(',')]).built, ['html/fr', 'review/en-fr'])
    const manifest = JSON.parse(readFileSync(join(dir, 'dist', publicationId, 'manifest.json'), 'utf8')) as {
      editions: { language: string; format: string }[]
    }
    const listed = manifest.editions.map((e) => `${e.format}/${e.language}`)
    assert.ok(listed.includes('html/fr') && listed.includes('epub/en'), listed.join(' '))
    assert.ok(!listed.includes('epub/fr'), 'the French EPUB on disk is from before the edit: not listed')
  })

  it('should restore the PDFs from the cache byte for byte and rebuild them after a French edit', () => {
    const pdf = ['--format', 'pdf', '--lang', 'fr', '--out', 'pdf']
    // The shared assets (stylesheets, fonts) read every language whatever is built: the HTML build cached them.
    assert.deepEqual(buildUnits(dir, pdf).built, ['parallel/en-fr', 'pdf/fr'])
    const cold = hashes(join(dir, 'pdf'))
    assert.deepEqual(buildUnits(dir, pdf).built, [])
    assert.deepEqual(changed(cold, hashes(join(dir, 'pdf'))), [])
    edit(dir, `translations/fr/${publicationId}.json`, frEntry)
    assert.deepEqual(buildUnits(dir, pdf).built, ['parallel/en-fr', 'pdf/fr'])
    const uncached = buildUnits(dir, ['--format', 'pdf', '--lang', 'fr', '--out', 'pdf-uncached', '--no-cache'])
    assert.deepEqual(uncached.built, ['assets', 'parallel/en-fr', 'pdf/fr'])
    assert.deepEqual([...hashes(join(dir, 'pdf-uncached'))], [...hashes(join(dir, 'pdf'))])
  })
})

/** The edition summaries kept in the project's cache: file name → language. */
function summaries(dir: string): Map<string, string> {
  const folder = join(dir, '.press-cache', 'editions')
  const files = readdirSync(folder).filter((f) => f.endsWith('.json'))
  return new Map(
    files.map((f) => [f, (JSON.parse(readFileSync(join(folder, f), 'utf8')) as { summary: { language: string } }).summary.language]),
  )
}
