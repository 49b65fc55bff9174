/**
 * One status rule (src/i18n/status.ts): the same entry has the same status in the
 * HTML edition, `press status`, `press check`, the review page and the XLIFF 2 export.
 */
import assert from 'node:assert/strict'
import { join } from 'node:path'
import { before, describe, it } from 'node:test'
import { DOMParser } from '@xmldom/xmldom'
import type { Element } from 'hast'
import { elements, parseHtmlFile } from '../helpers/html.ts'
import { copyProject, press, publicationId, read, write } from '../helpers/project.ts'

const file = `translations/fr/${publicationId}.json`

type Status = 'translated' | 'stale' | 'missing'
interface Shape {
  name: string
  edit: (entry: Record<string, unknown>) => void
  status: Status
  /** The workflow state after the status (reviewed, final), as press status counts it. */
  progress?: 'reviewed' | 'final'
  /** XLIFF 2 segment state and subState. */
  xliff: { state: string; subState?: string }
}

const shapes: Shape[] = [
  { name: '"stale": true with a matching fingerprint', edit: (e) => (e.stale = true), status: 'stale', xliff: stale() },
  { name: 'a fingerprint of another source', edit: (e) => (e.sourceHash = '0123456789abcdef'), status: 'stale', xliff: stale() },
  { name: 'an empty text', edit: (e) => (e.text = ''), status: 'missing', xliff: { state: 'initial' } },
  {
    name: 'an empty text whose state says final',
    edit: (e) => ((e.text = ' '), (e.state = 'final')),
    status: 'missing',
    xliff: { state: 'initial' },
  },
  { name: 'state reviewed', edit: (e) => (e.state = 'reviewed'), status: 'translated', progress: 'reviewed', xliff: { state: 'reviewed' } },
  { name: 'state final', edit: (e) => (e.state = 'final'), status: 'translated', progress: 'final', xliff: { state: 'final' } },
  {
    name: 'state reviewed of an older source',
    edit: (e) => ((e.state = 'reviewed'), (e.sourceHash = '0123456789abcdef')),
    status: 'stale',
    xliff: stale(),
  },
  {
    name: '"stale": false confirming a text made for a changed source',
    edit: (e) => ((e.stale = false), (e.sourceHash = '0123456789abcdef')),
    status: 'translated',
    xliff: { state: 'translated' },
  },
  {
    name: '"stale": false with a matching fingerprint',
    edit: (e) => (e.stale = false),
    status: 'translated',
    xliff: { state: 'translated' },
  },
]

function stale(): { state: string; subState: string } {
  return { state: 'initial', subState: 'press:stale' }
}

interface Outputs {
  ids: string[]
  edition: Map<string, Element>
  status: Record<'translated' | 'stale' | 'missing' | 'reviewed' | 'final' | 'orphans', number> & { work: { id: string; status: string }[] }
  check: { items: { id: string; rule: string }[]; counts: { stale: number; missing: number; orphans: number } }
  checkStrict: number
  review: Map<string, string>
  xliff: Map<string, { state: string; subState?: string }>
}

describe('one status rule', () => {
  let out: Outputs
  const orphanId = 'p-gone01'

  before(() => {
    const dir = copyProject()
    const data = JSON.parse(read(dir, file))
    const ids = Object.keys(data.entries).slice(1, 1 + shapes.length)
    shapes.forEach((shape, i) => shape.edit(data.entries[ids[i]!]))
    data.orphans[orphanId] = { state: 'translated', sourceHash: '0123456789abcdef', source: 'Gone.', text: 'Parti.' }
    write(dir, file, JSON.stringify(data, null, 2) + '\n')

    const build = press(dir, ['build', '--format', 'html', '--out', 'out'])
    assert.equal(build.status, 0, build.stderr)
    const page = parseHtmlFile(join(dir, 'out', publicationId, 'fr', 'index.html'))
    const edition = new Map(elements(page, (e) => ids.includes(String(e.properties.id))).map((e) => [String(e.properties.id), e]))

    const status = press(dir, ['status', '--lang', 'fr', '--json'])
    assert.equal(status.status, 0, status.stderr)
    const check = press(dir, ['check', '--lang', 'fr', '--json'])
    assert.equal(check.status, 0, check.stderr)
    const strict = press(dir, ['check', '--lang', 'fr', '--strict'])

    const review = press(dir, ['review', 'en', 'fr', '--out', 'out', '--no-pdf'])
    assert.equal(review.status, 0, review.stderr)
    const rows = elements(parseHtmlFile(join(dir, 'out', publicationId, 'review', 'en-fr.html')), (e) => e.tagName === 'tr')
    const reviewStatus = new Map(
      rows.filter((r) => r.properties.dataStatus !== undefined).map((r) => [String(r.properties.id), String(r.properties.dataStatus)]),
    )

    const xliff = press(dir, ['export', '--lang', 'fr', '--format', 'xliff2'])
    assert.equal(xliff.status, 0, xliff.stderr)
    const doc = new DOMParser().parseFromString(xliff.stdout, 'text/xml')
    const units = new Map<string, { state: string; subState?: string }>()
    for (const unit of Array.from(doc.getElementsByTagName('unit'))) {
      const segment = unit.getElementsByTagName('segment')[0]!
      const subState = segment.getAttribute('subState')
      units.set(unit.getAttribute('id')!, { state: segment.getAttribute('state')!, ...(subState ? { subState } : {}) })
    }
    out = {
      ids,
      edition,
      status: JSON.parse(status.stdout)[0].languages[0],
      check: JSON.parse(check.stdout).languages[0],
      checkStrict: strict.status,
      review: reviewStatus,
      xliff: units,
    }
  })

  shapes.forEach((shape, i) => {
    it(`should give an entry with ${shape.name} the status ${shape.progress ?? shape.status} everywhere`, () => {
      const id = out.ids[i]!
      // The HTML edition: stale blocks are flagged stale, missing ones show the source as a fallback.
      const block = out.edition.get(id)
      assert.ok(block, `${id} in the edition`)
      const flag = { translated: undefined, stale: 'stale', missing: 'fallback' }[shape.status]
      assert.equal(block.properties.dataStatus, flag, 'edition')
      assert.equal((block.properties.className as string[] | undefined)?.includes(`pp-${flag}`) ?? false, flag !== undefined, 'edition')
      // press status: the IDs that need work.
      const work = out.status.work.find((w) => w.id === id)
      assert.equal(work?.status, shape.status === 'translated' ? undefined : shape.status, 'press status')
      // press check: a stale or missing item.
      const rules = out.check.items
        .filter((item) => item.id === id && (item.rule === 'stale' || item.rule === 'missing'))
        .map((x) => x.rule)
      assert.deepEqual(rules, shape.status === 'translated' ? [] : [shape.status], 'press check')
      // The review page row (en on the left, fr on the right).
      assert.equal(out.review.get(id), shape.status, 'review page')
      // The XLIFF 2 export.
      assert.deepEqual(out.xliff.get(id), shape.xliff, 'XLIFF 2')
    })
  })

  it('should count the same statuses in press status and press check, and fail check --strict', () => {
    const count = (s: Status): number => shapes.filter((shape) => shape.status === s).length
    assert.equal(out.status.stale, count('stale'))
    assert.equal(out.status.missing, count('missing'))
    assert.equal(out.check.counts.stale, count('stale'))
    assert.equal(out.check.counts.missing, count('missing'))
    assert.equal(out.status.reviewed, 1)
    assert.equal(out.status.final, 1)
    assert.equal(out.checkStrict, 1)
  })

  it('should show an entry whose ID left the source as an orphan in press status, press check and the review page', () => {
    assert.equal(out.status.orphans, 1)
    assert.equal(out.check.counts.orphans, 1)
    assert.equal(out.review.get(orphanId), 'orphan')
    assert.equal(out.xliff.has(orphanId), false, 'orphans are not exported')
    assert.equal(out.edition.has(orphanId), false)
  })
})
