import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, it } from 'node:test'
import { updateIds } from '../../src/commands/ids.ts'
import { collectingLogger } from '../../src/util/logger.ts'
import { reviewPair } from '../../src/commands/review.ts'
import { copyProject, lineOf, press, publicationId, read, sourcePath, write } from '../helpers/project.ts'
import { PressError } from '../../src/util/problems.ts'

const zhPath = `translations/zh/${publicationId}.json`
type File = { entries: Record<string, { text: string; source: string }> }

/** The <tr> of one row. */
function row(html: string, id: string): string {
  const start = html.indexOf(`<tr id="${id}"`)
  assert.ok(start >= 0, `row ${id}`)
  return html.slice(start, html.indexOf('</tr>', start))
}

describe('review and check after the source and a translation change', () => {
  it('should show the edited row stale with a word diff and the removed footnote as a QA finding; check --strict fails', async () => {
    const dir = copyProject()
    write(
      dir,
      sourcePath,
      read(dir, sourcePath).replace('More than 1,500 delegates from 83 countries', 'More than 1,500 delegates from 84 countries'),
    )
    await updateIds(dir, undefined, collectingLogger())
    const zh = JSON.parse(read(dir, zhPath)) as File
    assert.match(zh.entries['p-zcu6un']!.text, /\[\^2\]/)
    zh.entries['p-zcu6un']!.text = zh.entries['p-zcu6un']!.text.replace('[^2]', '')
    write(dir, zhPath, JSON.stringify(zh, null, 2) + '\n')

    await reviewPair({ root: dir, a: 'en', b: 'zh', frozen: true, pdf: false }, collectingLogger())
    const html = readFileSync(join(dir, 'dist', publicationId, 'review', 'en-zh.html'), 'utf8')
    const stale = row(html, 'p-i1jlvs')
    assert.match(stale, /data-status="stale"/)
    assert.match(stale, /<del>83<\/del>/)
    assert.match(stale, /<ins>84<\/ins>/)
    const footnote = row(html, 'p-zcu6un')
    assert.match(footnote, /finding-error/)
    assert.match(footnote, /\[\^2\]/)
    assert.match(html, /class="row row-stale kind-paragraph attention"/)

    const run = press(dir, ['check', '--strict'])
    assert.equal(run.status, 1, run.stdout + run.stderr)
    const line = lineOf(read(dir, zhPath), '"p-zcu6un"')
    assert.match(
      run.stdout,
      new RegExp(`^translations/zh/${publicationId}\\.json:${line}:5: \\[footnotes\\] p-zcu6un: Footnote reference \\[\\^2\\]`, 'm'),
    )
    assert.match(run.stdout, /^translations\/fr\/wuzhen-outlook-2019\.json:\d+:5: \[stale\] p-i1jlvs/m)
    // Two errors: the removed footnote, and the changed number (84 is not in the stale translation).
    assert.match(run.stdout, /wuzhen-outlook-2019 zh: 25 entries, 2 errors, .*1 stale, 0 missing/)

    const json = JSON.parse(press(dir, ['check', '--json', '--lang', 'zh']).stdout) as {
      failsStrict: boolean
      languages: { language: string; items: { rule: string; id: string }[] }[]
    }
    assert.equal(json.failsStrict, true)
    assert.deepEqual(
      json.languages.map((l) => l.language),
      ['zh'],
    )
    assert.ok(json.languages[0]!.items.some((i) => i.rule === 'footnotes' && i.id === 'p-zcu6un'))
  })

  it('should pass check --strict on the bundled files', () => {
    const run = press(copyProject(), ['check', '--strict'])
    assert.equal(run.status, 0, run.stdout + run.stderr)
    assert.match(run.stdout, /wuzhen-outlook-2019 ar: 25 entries, 0 errors/)
  })

  it('should show markup and templates in a translation as inert text', async () => {
    const dir = copyProject()
    const zh = JSON.parse(read(dir, zhPath)) as File
    zh.entries['p-fps7yc']!.text = '<script>alert(1)</script> {{title}} $t(review) ' + zh.entries['p-fps7yc']!.text
    zh.entries['p-i1jlvs']!.text = '见<img src=x onerror=alert(2)>和[链接](#p-fps7yc)。' + zh.entries['p-i1jlvs']!.text
    write(dir, zhPath, JSON.stringify(zh, null, 2) + '\n')
    await reviewPair({ root: dir, a: 'en', b: 'zh', frozen: true, pdf: false }, collectingLogger())
    const html = readFileSync(join(dir, 'dist', publicationId, 'review', 'en-zh.html'), 'utf8')
    assert.equal(html.match(/<script/g)?.length, 1, 'only the page script')
    assert.doesNotMatch(html, /<img/)
    assert.doesNotMatch(html, /href="javascript:/i)
    const cell = row(html, 'p-fps7yc')
    assert.match(
      cell,
      /<td class="col-b side-translated" lang="zh" dir="ltr"><p>&#x3C;script>alert\(1\)&#x3C;\/script> \{\{title\}\} \$t\(review\) 今年/,
    )
    assert.match(cell, /class="rule"[^>]*>markup</)
    const inline = row(html, 'p-i1jlvs')
    assert.match(inline, /见&#x3C;img src=x onerror=alert\(2\)>和/)
    // A script link does not get as far as the review page: it is refused where it enters, at its place.
    zh.entries['p-i1jlvs']!.text = '和[链接](javascript:alert(3))。'
    write(dir, zhPath, JSON.stringify(zh, null, 2) + '\n')
    await assert.rejects(reviewPair({ root: dir, a: 'en', b: 'zh', frozen: true, pdf: false }, collectingLogger()), (error: unknown) => {
      assert.ok(error instanceof PressError)
      assert.equal(error.messages[0]!.reason, 'Link to a "javascript:" URL is not allowed: "javascript:alert(3)".')
      assert.equal(error.messages[0]!.file, zhPath)
      return true
    })
  })
})
