import assert from 'node:assert/strict'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { applyDecision, entryFingerprint, type ReviewAction } from '../../src/i18n/decisions.ts'
import { loadPublication } from '../../src/project/load.ts'
import { nuCheck } from '../helpers/html.ts'
import { press } from '../helpers/project.ts'
import { PUB, tempProject } from '../exchange/helpers.ts'

describe('comments and review states on the static review page and in press status', () => {
  let project: ReturnType<typeof tempProject>
  let html: string
  let ids: string[]
  let out: string
  let status: string
  let json: any
  let onDisk: Record<string, any>
  before(async () => {
    project = tempProject()
    const root = project.root
    const publication = await loadPublication(root, `content/${PUB}`)
    const file = join(root, 'translations', 'fr', `${PUB}.json`)
    const entries = (): Record<string, any> => JSON.parse(readFileSync(file, 'utf8')).entries
    ids = Object.keys(entries())
    const decide = async (id: string, action: ReviewAction, reviewer = 'Ana'): Promise<void> => {
      const result = await applyDecision({
        publication,
        language: 'fr',
        id,
        expected: entryFingerprint(entries()[id]),
        action,
        reviewer,
        date: '2019-10-20T08:30:00Z',
      })
      assert.ok(result.ok)
    }
    await decide(ids[1]!, { kind: 'state', state: 'reviewed' })
    await decide(ids[2]!, { kind: 'state', state: 'final' })
    await decide(ids[3]!, { kind: 'comment', text: 'Vérifier <b>ce</b> terme & la date.' })
    await decide(ids[3]!, { kind: 'comment', text: 'C’est vérifié.', replyTo: 'c1' }, 'Li')
    await decide(ids[3]!, { kind: 'comment', text: 'La ponctuation aussi.' })
    await decide(ids[3]!, { kind: 'resolve', commentId: 'c2' })
    await decide(ids[4]!, { kind: 'state', state: 'needs-work', comment: 'Le chiffre ne correspond pas.' })
    onDisk = entries()
    out = mkdtempSync(join(tmpdir(), 'press-review-comments-'))
    const review = press(root, ['review', 'en', 'fr', '--out', out])
    assert.equal(review.status, 0, review.stderr)
    html = readFileSync(join(out, PUB, 'review', 'en-fr.html'), 'utf8')
    const run = press(root, ['status', '--lang', 'fr'])
    assert.equal(run.status, 0, run.stderr)
    status = run.stdout + run.stderr
    json = JSON.parse(press(root, ['status', '--lang', 'fr', '--json']).stdout)[0].languages[0]
  })
  after(() => project?.cleanup())

  const row = (id: string): string => new RegExp(`<tr id="${id}"[\\s\\S]*?</tr>`).exec(html)![0]
  const count = (name: string): number => Number(new RegExp(`<li data-count="${name}">[\\s\\S]*?<strong>(\\d+)</strong>`).exec(html)![1])

  it('should show each comment read-only with author, date, text, replies and resolved', () => {
    const r = row(ids[3]!)
    assert.match(r, /data-id="[^"]+"/)
    assert.match(r, /<li class="comment comment-open" data-comment-id="c1" data-resolved="false">/)
    assert.match(r, /<span class="author" dir="auto">Ana<\/span> · <time datetime="2019-10-20T08:30:00Z">/)
    assert.match(r, /Vérifier &#x3C;b>ce&#x3C;\/b> terme &#x26; la date\./, 'comment text is escaped text, never markup')
    assert.match(r, /<ol class="replies"><li class="reply">.*Li<\/span>.*C’est vérifié\./)
    assert.match(r, /data-comment-id="c2" data-resolved="true">.*<span class="badge badge-resolved">résolu<\/span>/)
    assert.match(row(ids[4]!), /comment-needs-work.*à retravailler.*Le chiffre ne correspond pas\./)
    assert.match(row(ids[1]!), /data-progress="reviewed".*<p class="status status-reviewed">relu<\/p>/)
    assert.match(row(ids[2]!), /data-progress="final"/)
    assert.doesNotMatch(row(ids[0]!), /data-comment-id/)
    assert.match(html, /<table class="review" dir="ltr" aria-labelledby="pp-table-title" data-language="fr">/)
    for (const id of ids.slice(0, 5)) assert.ok(row(id).includes(`data-fingerprint="${entryFingerprint(onDisk[id])}"`), id)
  })

  it('should sum up reviewed, final and open comments at the top', () => {
    assert.match(html, /<section class="summary" aria-labelledby="pp-summary-title" data-summary="">/)
    assert.equal(count('reviewed'), 1)
    assert.equal(count('final'), 1)
    assert.equal(count('open-comments'), 2)
    assert.equal(count('translated'), ids.length)
    assert.equal(count('stale'), 0)
  })

  it('should pass the Nu Html Checker with comments on the page', () => {
    const messages = nuCheck([join(out, PUB, 'review', 'en-fr.html')])
    assert.deepEqual(
      messages.filter((m) => m.type === 'error'),
      [],
    )
  })

  it('should count reviewed and final entries and open comments in press status', () => {
    assert.match(status, /fr .* 1 reviewed {2}1 final {2}2 open comments {2}1 needs work {2}translations\/fr\//)
    assert.equal(json.reviewed, 1)
    assert.equal(json.final, 1)
    assert.equal(json.openComments, 2)
    assert.equal(json.needsWork, 1)
  })
})
