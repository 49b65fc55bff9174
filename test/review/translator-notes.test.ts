/**
 * A Markdown comment before a block is the author's note for its translator (it goes into the XLIFF and PO
 * exports): the review page shows it in the block's row, as text, on the page `press review` writes and on the
 * one `press preview` serves. A note full of markup stays text.
 */
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import type { Element, Root } from 'hast'
import { fromHtml } from 'hast-util-from-html'
import { byTag, classes, elements } from '../helpers/html.ts'
import { copyProject, lockPath, press, publicationId, read, sourcePath, write } from '../helpers/project.ts'
import { rawRequest, startPreview, type RunningPreview } from '../helpers/preview.ts'

const hostile = 'Keep "digital economy" & <b>bold</b></p></td><script>alert(1)</script><img src=x onerror="alert(2)">'
const plain = 'The Council’s name stays in English in every language.'
const reviewPath = `${publicationId}/review/en-fr.html`

let dir = ''
let noted: { hostile: string; plain: string }
let preview: RunningPreview | undefined

/** The row of `id`, and the text of the note it shows (undefined when none). */
function noteOf(page: Root, id: string): { row: Element; note: Element | undefined; text: string | undefined } {
  const [row] = elements(page, (e) => e.tagName === 'tr' && e.properties.id === id)
  assert.ok(row, `a row for ${id}`)
  const [note] = elements(row, (e) => classes(e).includes('translator-note-text'))
  const text = note?.children.map((c) => (c.type === 'text' ? c.value : '<element>')).join('')
  return { row, note, text }
}

function assertNotes(page: Root): void {
  const bad = noteOf(page, noted.hostile)
  assert.equal(bad.text, hostile, 'the hostile note, whole, as one text node')
  for (const tag of ['b', 'script', 'img']) assert.deepEqual(byTag(bad.row, tag), [], `no <${tag}> in the row`)
  const good = noteOf(page, noted.plain)
  assert.equal(good.text, plain)
  assert.equal(good.note!.properties.lang, 'en', 'in the source language')
  const [title] = elements(good.row, (e) => classes(e).includes('translator-note-title'))
  assert.equal((title!.children[0] as { value: string }).value, 'Note pour la traduction', 'labelled in the page’s language')
  const others = elements(page, (e) => classes(e).includes('translator-note'))
  assert.equal(others.length, 2, 'a note only where the source has one')
}

describe('translators’ notes on the review page', { timeout: 600_000 }, () => {
  before(() => {
    dir = copyProject()
    const source = read(dir, sourcePath)
    const blocks = (JSON.parse(read(dir, lockPath)) as { blocks: { id: string; kind: string; text: string }[] }).blocks
    const paragraphs = blocks.filter((b) => b.kind === 'paragraph' && source.includes(`\n\n${b.text}\n`))
    const [first, second] = [paragraphs[1]!, paragraphs[4]!]
    write(
      dir,
      sourcePath,
      source
        .replace(`\n\n${first.text}\n`, `\n\n<!-- ${hostile} -->\n\n${first.text}\n`)
        .replace(`\n\n${second.text}\n`, `\n\n<!-- ${plain} -->\n${second.text}\n`),
    )
    noted = { hostile: first.id, plain: second.id }
  })
  after(async () => {
    if (preview && preview.child.exitCode === null) await preview.stop()
  })

  it('should show each block’s note as text on the page press review writes, and no markup from it', () => {
    const run = press(dir, ['review', 'en', 'fr', '--no-pdf'])
    assert.equal(run.status, 0, run.stdout + run.stderr)
    const html = readFileSync(join(dir, 'dist', reviewPath), 'utf8')
    assert.ok(html.includes('&#x3C;script>alert(1)&#x3C;/script>'), 'the note’s tags are escaped')
    const page = fromHtml(html)
    assertNotes(page)
    assert.equal(byTag(page, 'script').length, 1, 'only the review page’s own script')
  })

  it('should show the same notes on the review page press preview serves', async () => {
    preview = await startPreview(dir, ['--format', 'html', '--lang', 'en,fr'])
    const served = async (): Promise<string> =>
      (await rawRequest(preview!.url, { path: `/${reviewPath}`, headers: { host: preview!.host } })).body
    const deadline = Date.now() + 300_000
    let html = await served()
    while (!html.includes('translator-note-text')) {
      if (Date.now() > deadline) assert.fail(`the review page never showed a note\n${preview.output()}`)
      await new Promise((resolve) => setTimeout(resolve, 200))
      html = await served()
    }
    assertNotes(fromHtml(html))
  })
})
