import assert from 'node:assert/strict'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, it } from 'node:test'
import { applyDecision, decisionDate, entryFingerprint, type ReviewAction, type ReviewDecision } from '../../src/i18n/decisions.ts'
import { loadPublication, type Publication } from '../../src/project/load.ts'
import { PressError } from '../../src/util/problems.ts'
import { PUB, tempProject } from '../exchange/helpers.ts'

const FILE = `translations/fr/${PUB}.json`
const DATE = '2019-10-20T00:00:00Z'

describe('review decisions in the translation file', () => {
  let project: ReturnType<typeof tempProject>
  let publication: Publication
  beforeEach(async () => {
    project = tempProject()
    publication = await loadPublication(project.root, `content/${PUB}`)
  })
  afterEach(() => project.cleanup())

  const raw = (): string => readFileSync(join(project.root, FILE), 'utf8')
  const entries = (): Record<string, any> => JSON.parse(raw()).entries
  const ids = (): string[] => Object.keys(entries())
  const decide = (id: string, action: ReviewAction, extra: Partial<ReviewDecision> = {}) =>
    applyDecision({
      publication,
      language: 'fr',
      id,
      expected: entryFingerprint(entries()[id]),
      action,
      reviewer: 'Ana',
      date: DATE,
      ...extra,
    })
  /** The file with entry `id` put back as it was: what must equal the original bytes. */
  const withEntry = (text: string, id: string, entry: unknown): string => {
    const data = JSON.parse(text)
    data.entries[id] = entry
    return JSON.stringify(data, null, 2) + '\n'
  }

  it('should write an edit as state translated, stale cleared, changing nothing else in the file', async () => {
    const before = raw()
    const id = ids()[4]!
    const original = entries()[id]
    const result = await decide(id, { kind: 'edit', text: 'Un texte révisé.' })
    assert.ok(result.ok)
    const after = entries()[id]
    assert.equal(after.text, 'Un texte révisé.')
    assert.equal(after.state, 'translated')
    assert.deepEqual(after.decision, { action: 'edited', by: 'Ana', date: DATE })
    assert.equal(result.fingerprint, entryFingerprint(after))
    assert.equal(withEntry(raw(), id, original), before, 'only the entry changed')
    assert.deepEqual(Object.keys(after), ['state', 'sourceHash', 'source', 'text', 'decision'])
  })

  it('should keep hand formatting outside the entry', async () => {
    const id = ids()[0]!
    const hand = raw().replace('"meta": {\n    "language": "fr",', '"meta": {   "language": "fr",')
    writeFileSync(join(project.root, FILE), hand)
    assert.ok((await decide(id, { kind: 'state', state: 'reviewed' })).ok)
    assert.ok(raw().includes('"meta": {   "language": "fr",'))
  })

  it('should confirm a stale entry when it is marked reviewed, recording the name and date', async () => {
    const id = ids()[2]!
    const data = JSON.parse(raw())
    data.entries[id].stale = true
    writeFileSync(join(project.root, FILE), JSON.stringify(data, null, 2) + '\n')
    const result = await decide(id, { kind: 'state', state: 'reviewed' })
    assert.ok(result.ok)
    assert.equal(entries()[id].state, 'reviewed')
    assert.equal(entries()[id].stale, false)
    assert.deepEqual(entries()[id].decision, { action: 'reviewed', by: 'Ana', date: DATE })
    assert.ok((await decide(id, { kind: 'state', state: 'final' })).ok)
    assert.equal(entries()[id].state, 'final')
  })

  it('should refuse to send back without a comment, and record the reason as an open needs-work comment', async () => {
    const id = ids()[1]!
    const before = raw()
    await assert.rejects(decide(id, { kind: 'state', state: 'needs-work' }), (e: PressError) => /needs a comment/.test(e.message))
    await assert.rejects(decide(id, { kind: 'state', state: 'needs-work', comment: '  ' }), PressError)
    assert.equal(raw(), before, 'nothing written')
    await decide(id, { kind: 'state', state: 'final' })
    assert.ok((await decide(id, { kind: 'state', state: 'needs-work', comment: 'Le chiffre est faux.' })).ok)
    const entry = entries()[id]
    assert.equal(entry.state, 'translated')
    assert.deepEqual(entry.comments, [
      { id: 'c1', author: 'Ana', date: DATE, text: 'Le chiffre est faux.', needsWork: true, resolved: false },
    ])
  })

  it('should add comments with numbered IDs, replies and resolutions', async () => {
    const id = ids()[3]!
    assert.ok((await decide(id, { kind: 'comment', text: 'Vérifier le terme « cyberespace ».' })).ok)
    assert.ok((await decide(id, { kind: 'comment', text: 'Et la ponctuation.' }, { reviewer: 'Li' })).ok)
    assert.ok((await decide(id, { kind: 'comment', text: 'Vérifié.', replyTo: 'c1' }, { reviewer: 'Bo', date: '2019-10-21' })).ok)
    assert.ok((await decide(id, { kind: 'resolve', commentId: 'c1' })).ok)
    const comments = entries()[id].comments
    assert.deepEqual(
      comments.map((c: any) => [c.id, c.author, c.resolved]),
      [
        ['c1', 'Ana', true],
        ['c2', 'Li', false],
      ],
    )
    assert.deepEqual(comments[0].replies, [{ author: 'Bo', date: '2019-10-21', text: 'Vérifié.' }])
    await assert.rejects(decide(id, { kind: 'resolve', commentId: 'c9' }), (e: PressError) => /no comment "c9".*c1, c2/.test(e.message))
    await assert.rejects(decide(id, { kind: 'comment', text: 'x', replyTo: 'c7' }), PressError)
    await assert.rejects(decide(id, { kind: 'comment', text: ' ' }), (e: PressError) => /needs text/.test(e.message))
  })

  it('should refuse a changed entry with both texts and write nothing', async () => {
    const id = ids()[5]!
    const expected = entryFingerprint(entries()[id])
    const data = JSON.parse(raw())
    data.entries[id].text = 'Le texte du traducteur.'
    writeFileSync(join(project.root, FILE), JSON.stringify(data, null, 2) + '\n')
    const before = raw()
    const action: ReviewAction = { kind: 'edit', text: 'Le texte du relecteur.' }
    const result = await decide(id, action, { expected })
    assert.equal(result.ok, false)
    if (result.ok) return
    assert.deepEqual(result.conflict.mine, action)
    assert.equal(result.conflict.theirs?.text, 'Le texte du traducteur.')
    assert.match(result.conflict.message, /Le texte du relecteur\..*Le texte du traducteur\./)
    assert.equal(raw(), before)
  })

  it('should serialise concurrent writers: no update is lost, a second edit of the same entry is refused', async () => {
    const [a, b, c] = ids()
    const results = await Promise.all([
      decide(a!, { kind: 'comment', text: 'Un.' }),
      decide(b!, { kind: 'comment', text: 'Deux.' }),
      decide(c!, { kind: 'edit', text: 'Premier.' }),
      decide(c!, { kind: 'edit', text: 'Second.' }),
    ])
    assert.ok(results[0]!.ok && results[1]!.ok)
    assert.equal(results.slice(2).filter((r) => r.ok).length, 1, 'one of the two edits of the same entry lands')
    assert.equal(entries()[a!].comments[0].text, 'Un.')
    assert.equal(entries()[b!].comments[0].text, 'Deux.')
    assert.ok(['Premier.', 'Second.'].includes(entries()[c!].text))
  })

  it('should refuse unknown languages and IDs, and text the build would refuse', async () => {
    const id = ids()[0]!
    const before = raw()
    await assert.rejects(decide(id, { kind: 'comment', text: 'x' }, { language: 'de' }), /not a target language/)
    await assert.rejects(decide('p-nothere', { kind: 'comment', text: 'x' }), /not a paragraph ID/)
    await assert.rejects(decide(id, { kind: 'edit', text: '[clic](javascript:alert(1))' }), PressError)
    await assert.rejects(decide(id, { kind: 'edit', text: 'a\u0007b' }), /U\+0007|control/i)
    await assert.rejects(decide(id, { kind: 'edit', text: '' }), /empty/)
    await assert.rejects(decide(id, { kind: 'comment', text: 'x' }, { reviewer: ' ' }), /reviewer/)
    await assert.rejects(decide(id, { kind: 'comment', text: 'x' }, { date: 'hier' }), /decision date/)
    assert.equal(raw(), before)
  })

  it('should add an entry the file lacks in source order, from the current source', async () => {
    const order = ids()
    const id = order[6]!
    const data = JSON.parse(raw())
    const original = data.entries[id]
    delete data.entries[id]
    writeFileSync(join(project.root, FILE), JSON.stringify(data, null, 2) + '\n')
    const result = await decide(id, { kind: 'edit', text: 'Une nouvelle traduction.' }, { expected: entryFingerprint(undefined) })
    assert.ok(result.ok)
    assert.deepEqual(ids(), order)
    assert.equal(entries()[id].text, 'Une nouvelle traduction.')
    assert.deepEqual([entries()[id].source, entries()[id].sourceHash], [original.source, original.sourceHash], 'the current source')
  })

  it('should make decision dates from SOURCE_DATE_EPOCH', () => {
    assert.equal(decisionDate({ SOURCE_DATE_EPOCH: '1571529600' }), '2019-10-20T00:00:00Z')
    assert.match(decisionDate({}), /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/)
  })
})
