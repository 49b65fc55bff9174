import assert from 'node:assert/strict'
import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, it } from 'node:test'
import { copyProject, press, sourcePath } from '../helpers/project.ts'
import { tooDeep } from '../../src/source/nesting.ts'
import { lineIndex, placeAt } from '../../src/util/problems.ts'
import { filesUnder, stackLine } from './snapshot.ts'
import { bigProject, fillTargets, paragraphs } from '../../scripts/benchmark-inputs.ts'
import { exportTranslation } from '../../src/commands/export.ts'
import { importTranslation } from '../../src/commands/import.ts'
import { serializeTranslationFile, type TranslationFile } from '../../src/i18n/translation-file.ts'
import { resolveIds } from '../../src/ids/resolve.ts'
import { loadPublication } from '../../src/project/load.ts'

const frPath = 'translations/fr/wuzhen-outlook-2019.json'

function refused(dir: string, args: string[], expected: string): void {
  const before = filesUnder(dir)
  const run = press(dir, args)
  assert.equal(run.status, 1, run.stdout + run.stderr)
  assert.ok(run.stderr.includes(expected), `expected ${JSON.stringify(expected)} in:\n${run.stderr}`)
  assert.doesNotMatch(run.stdout + run.stderr, stackLine)
  assert.deepEqual(filesUnder(dir), before)
}

const nestedList = (depth: number): string => Array.from({ length: depth }, (_, i) => '  '.repeat(i) + '- item').join('\n')

describe('bounded work on big input', () => {
  it('should refuse lists nested 1,000 deep in a source with the position of the 33rd level', () => {
    const dir = copyProject()
    const source = readFileSync(join(dir, sourcePath), 'utf8')
    writeFileSync(join(dir, sourcePath), source + '\n' + nestedList(1000) + '\n')
    const line = source.split('\n').length + 1 + 32
    refused(dir, ['check'], `${sourcePath}:${line}:1: Lists or block quotes are nested deeper than the limit of 32 levels here.`)
  })

  it('should refuse block quotes nested 1,000 deep in a translation entry at the entry text', () => {
    const dir = copyProject()
    const text = readFileSync(join(dir, frPath), 'utf8')
    const needle = '"text": "'
    writeFileSync(join(dir, frPath), text.replace(needle, needle + '>'.repeat(1000) + ' '))
    const lines = text.slice(0, text.indexOf(needle)).split('\n')
    const at = `${lines.length}:${lines.at(-1)!.length + 9}`
    refused(dir, ['check'], `${frPath}:${at}: Lists or block quotes are nested deeper than the limit of 32 levels here.`)
  })

  it('should accept lists and quotes nested 32 deep (the limit) and count the depth of mixed prefixes', () => {
    assert.equal(tooDeep(nestedList(32)), undefined)
    assert.equal(tooDeep('>'.repeat(32) + ' x'), undefined)
    assert.deepEqual(tooDeep('> - > 1. ' + '> '.repeat(29) + 'x'), { offset: 0, depth: 33 })
    assert.equal(tooDeep('Text with > and - signs\n\n    indented code - not a list'), undefined)
  })

  it('should give the same places from the line index as counting newlines, for a 10,000-line text', () => {
    const text = Array.from({ length: 10_000 }, (_, i) => 'x'.repeat(i % 7)).join('\n')
    const index = lineIndex(text)
    for (const offset of [0, 1, 5, 6, 7, 100, 12345, text.length - 1, text.length, text.length + 3]) {
      let line = 1
      let start = 0
      for (let i = 0; i < offset && i < text.length; i++) if (text[i] === '\n') (line++, (start = i + 1))
      assert.deepEqual(index.placeAt(offset), { line, column: offset - start + 1 })
      assert.deepEqual(placeAt(text, offset), { line, column: offset - start + 1 })
    }
  })
})

describe('big files', () => {
  it('should refuse a Markdown source over the 16 MB limit, naming the size and the limit', () => {
    const dir = copyProject()
    writeFileSync(join(dir, sourcePath), paragraphs(17_000, 1_000))
    refused(dir, ['check'], `${sourcePath}: This Markdown source is`)
    const run = press(dir, ['check'])
    assert.match(run.stderr, /more than the limit of 16(\.0)? MB/)
  })

  it('should import a 3 MB XLIFF (2,000 units) and apply every unit (20 MB and the growth: `benchmark.ts inputs`)', async () => {
    const root = bigProject(paragraphs(2_000, 1_000))
    try {
      const publication = await loadPublication(root, join('content', 'wuzhen-outlook-2019'))
      const sources = await resolveIds(publication, { frozen: false, write: true })
      const path = join(root, frPath)
      const current = JSON.parse(readFileSync(path, 'utf8')) as TranslationFile
      const entries = Object.fromEntries(
        sources.blocks.map((block, i) => [
          sources.ids[i]!,
          { state: 'initial' as const, sourceHash: block.hash, source: block.text, text: '' },
        ]),
      )
      writeFileSync(path, serializeTranslationFile({ ...current, entries, orphans: {} }))
      const exported = await exportTranslation({ root, language: 'fr', format: 'xliff2' })
      const filled = fillTargets(exported.text)
      assert.ok(Buffer.byteLength(filled) > 2.5 * 1024 * 1024, `${Buffer.byteLength(filled)} bytes`)
      writeFileSync(join(root, 'big.xlf'), filled)
      const result = await importTranslation({ root, file: join(root, 'big.xlf') })
      assert.equal(result.changes.length, sources.ids.length, JSON.stringify(result.changes.slice(0, 2)))
      const after = JSON.parse(readFileSync(path, 'utf8')) as TranslationFile
      assert.ok(Object.values(after.entries).every((entry) => entry.text === 'texte traduit' && entry.state === 'translated'))
    } finally {
      rmSync(root, { recursive: true, force: true })
    }
  })
})
