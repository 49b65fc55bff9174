/**
 * The tool is not made for one text: a second publication, with the block
 * kinds the Outlook lacks (list items, a block quote, table cells, code, a
 * link reference), dropped into content/, goes through ids, sync and build in
 * every format, and its outputs pass the same validators.
 */
import assert from 'node:assert/strict'
import { cpSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { before, describe, it } from 'node:test'
import { unzipSync, strFromU8 } from 'fflate'
import { epubcheckAll } from '../epub/tools.ts'
import { elements, nuCheck, parseHtmlFile } from '../helpers/html.ts'
import { copyProject, press, repoRoot } from '../helpers/project.ts'
import { destinations, pdfinfo } from '../pdf/tools.ts'
import { flat, structureTree } from '../pdf/tagged-content.ts'

const id = 'field-guide'
const languages = ['en', 'fr', 'ar']

describe('a second publication dropped into content/', () => {
  const dir = copyProject()
  let lock: { blocks: { id: string; kind: string }[] }
  before(() => {
    mkdirSync(join(dir, 'content', id))
    cpSync(join(repoRoot, 'test', 'fixtures', id), join(dir, 'content', id), { recursive: true })
  })

  it('should mint an ID for every kind of block', () => {
    const run = press(dir, ['ids', '--publication', id])
    assert.equal(run.status, 0, run.stderr)
    lock = JSON.parse(readFileSync(join(dir, 'content', id, 'ids.lock.json'), 'utf8'))
    const kinds = lock.blocks.map((b) => b.kind)
    assert.deepEqual([...new Set(kinds)].sort(), ['code', 'heading', 'note', 'paragraph', 'table-cell'])
    assert.equal(kinds.filter((k) => k === 'table-cell').length, 6)
    assert.equal(kinds.filter((k) => k === 'paragraph').length, 5, 'a paragraph, the quoted one and three list items')
  })

  it('should create translation files with every entry missing, and build every format falling back visibly', () => {
    assert.equal(press(dir, ['sync', '--publication', id]).status, 0)
    const fr = JSON.parse(readFileSync(join(dir, 'translations', 'fr', `${id}.json`), 'utf8'))
    assert.deepEqual(
      Object.keys(fr.entries),
      lock.blocks.map((b) => b.id),
    )
    const build = press(dir, ['build', '--publication', id])
    assert.equal(build.status, 0, build.stderr)
    const status = press(dir, ['status', '--publication', id, '--strict'])
    assert.equal(status.status, 1)
    assert.match(status.stdout, /fr\s+0% translated\s+\(0\/15\)/)
  })

  it('should put every paragraph ID in every format: HTML ids, EPUB ids, PDF destinations', () => {
    const ids = lock.blocks.map((b) => b.id)
    for (const lang of languages) {
      const html = parseHtmlFile(join(dir, 'dist', id, lang, 'index.html'))
      for (const block of ids) assert.equal(elements(html, (e) => e.properties.id === block).length, 1, `${lang} HTML: ${block}`)
      const epub = unzipSync(readFileSync(join(dir, 'dist', id, lang, `${id}.${lang}.epub`)))
      const xhtml = Object.entries(epub)
        .filter(([name]) => name.endsWith('.xhtml'))
        .map(([, data]) => strFromU8(data))
        .join('\n')
      for (const block of ids) assert.match(xhtml, new RegExp(`id="${block}"`), `${lang} EPUB: ${block}`)
      const pdf = join(dir, 'dist', id, lang, `${id}.${lang}.pdf`)
      const dests = destinations(pdf)
      for (const block of ids) assert.ok(dests.has(block), `${lang} PDF: ${block}`)
      assert.equal(pdfinfo(pdf)['Page size'], '420 x 594.96 pts (A5)')
    }
  })

  it('should tag the numbered list as L/LI/Lbl/LBody and the table as Table/TR/TH/TD in the PDF, with no generic wrapper', () => {
    for (const lang of ['en', 'ar']) {
      const types = new Set(flat(structureTree(join(dir, 'dist', id, lang, `${id}.${lang}.pdf`)).root).map((e) => e.type))
      for (const type of ['L', 'LI', 'Lbl', 'LBody', 'Table', 'TR', 'TH', 'TD', 'BlockQuote', 'Note'])
        assert.ok(types.has(type), `${lang}: no ${type} in ${[...types].join(' ')}`)
      assert.ok(!types.has('NonStruct'), `${lang}: a NonStruct left`)
    }
  })

  it('should pass the Nu Html Checker and epubcheck', async () => {
    const pages = languages.map((lang) => join(dir, 'dist', id, lang, 'index.html'))
    const errors = nuCheck([...pages, join(dir, 'dist', id, 'review', 'en-ar.html')]).filter((m) => m.type === 'error')
    assert.deepEqual(errors, [])
    const reports = mkdtempSync(join(tmpdir(), 'press-epubcheck-'))
    const results = await epubcheckAll(
      languages.map((lang) => ({ file: join(dir, 'dist', id, lang, `${id}.${lang}.epub`), reportDir: join(reports, lang) })),
    )
    for (const result of results) assert.deepEqual([result.fatals, result.errors, result.warnings], [0, 0, 0], result.messages.join('\n'))
  })
})
