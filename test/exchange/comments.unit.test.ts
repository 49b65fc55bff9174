import assert from 'node:assert/strict'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { exportTranslation } from '../../src/commands/export.ts'
import { importTranslation } from '../../src/commands/import.ts'
import { addComments } from './comments-fixture.ts'
import { exchangeFormats, formatExtensions, type ExchangeFormat } from '../../src/exchange/units.ts'
import { snapshot, tempProject, translationFile } from './helpers.ts'

describe('comments in exports and imports', () => {
  let project: ReturnType<typeof tempProject>
  let ids: string[]
  before(async () => {
    process.env.SOURCE_DATE_EPOCH = '1571529600'
    project = tempProject()
    ids = await addComments(project.root)
  })
  after(() => project.cleanup())

  const exported = async (format: ExchangeFormat): Promise<string> =>
    (await exportTranslation({ root: project.root, language: 'fr', format })).text
  const importText = async (format: ExchangeFormat, text: string) => {
    const file = join(project.root, `fr.${formatExtensions[format]}`)
    writeFileSync(file, text)
    return importTranslation({ root: project.root, file })
  }

  it('should leave the translation file byte-identical after a round trip in every format', async () => {
    const before = snapshot(project.root)
    for (const format of exchangeFormats) {
      const result = await importText(format, await exported(format))
      assert.deepEqual(
        result.changes.map((c) => c.id),
        [],
        format,
      )
      assert.deepEqual(snapshot(project.root), before, `${format} changed translations/`)
    }
  })

  it('should export comments as XLIFF 2 notes with their metadata', async () => {
    const xml = await exported('xliff2')
    assert.match(xml, /<mda:metaGroup id="c1" category="press:comment">\s*<mda:meta type="author">Ana<\/mda:meta>/)
    assert.match(xml, /<mda:meta type="resolved">no<\/mda:meta>/)
    assert.match(xml, /<note id="c1" category="press:comment">Vérifier « cyberespace » &amp; &lt;la&gt; date\.<\/note>/)
    assert.match(xml, /<note id="c1.r1" category="press:reply">C’est vérifié\.<\/note>/)
    assert.match(xml, /<mda:meta type="needs-work">yes<\/mda:meta>/)
  })

  it('should export comments as XLIFF 1.2 notes from their authors and PO translator comments', async () => {
    const xliff = await exported('xliff12')
    assert.match(xliff, /<note from="Ana" annotates="target" pp:id="c1" pp:date="2019-10-20T08:30:00Z" pp:resolved="no">/)
    const reply = /<note from="Li Wei" annotates="target" pp:reply-to="c1" pp:date="2019-10-20T08:30:00Z">C’est vérifié\.<\/note>/
    assert.match(xliff, reply)
    const po = await exported('po')
    assert.match(po, /^# c1 · Ana · 2019-10-20T08:30:00Z · open\n# {3}Vérifier/m)
    assert.match(po, /^# c1 reply · Li Wei · 2019-10-20T08:30:00Z\n# {3}C’est vérifié\.$/m)
    assert.match(po, /^# c2 · Ana · 2019-10-20T08:30:00Z · resolved$/m)
    assert.match(po, /^# c1 · Ana · 2019-10-20T08:30:00Z · open · needs work$/m)
  })

  it('should import a note, a reply and a resolution added in a translation tool, losing nothing', async () => {
    const before = translationFile(project.root, 'fr').data.entries
    // XLIFF 2: a note a CAT tool adds; PO: a reply and a resolution; XLIFF 1.2: a note from a named translator.
    let xml = await exported('xliff2')
    xml = xml.replace(
      new RegExp(`(<unit id="${ids[3]}"[\\s\\S]*?<notes>)`),
      '$1\n        <note category="translator">Terme à confirmer avec le glossaire.</note>',
    )
    const r1 = await importText('xliff2', xml)
    assert.deepEqual(
      r1.changes.map((c) => [c.id, c.description]),
      [[ids[3], 'comments changed']],
    )
    let po = await exported('po')
    const header = '# c1 · Ana · 2019-10-20T08:30:00Z'
    po = po.replace(`${header} · open · needs work`, `${header} · resolved · needs work`)
    po = po.replace('# c3 · Ana · 2019-10-20T08:30:00Z · open\n', '# c3 · Ana · 2019-10-20T08:30:00Z · open\n#   Première ligne.\n')
    po = po.replace(/(# c1 reply · Li Wei[^\n]*\n#[^\n]*\n)/, '$1# c1 reply · Marie · 2019-10-21\n#   Merci.\n')
    const r2 = await importText('po', po)
    assert.deepEqual(r2.changes.map((c) => c.id).sort(), [ids[0], ids[1]].sort())
    let xliff = await exported('xliff12')
    xliff = xliff.replace(new RegExp(`(<trans-unit id="${ids[4]}"[^>]*>)`), '$1\n        <note from="Marie">Vérifier le chiffre.</note>')
    await importText('xliff12', xliff)

    const after = translationFile(project.root, 'fr').data.entries
    assert.deepEqual(after[ids[3]!].comments, [
      { id: 'c1', author: 'translator', date: '2019-10-20T00:00:00Z', text: 'Terme à confirmer avec le glossaire.', resolved: false },
    ])
    assert.equal(after[ids[1]!].comments[0].resolved, true)
    assert.equal(after[ids[1]!].comments[0].needsWork, true)
    assert.deepEqual(after[ids[0]!].comments[0].replies, [
      { author: 'Li Wei', date: '2019-10-20T08:30:00Z', text: 'C’est vérifié.' },
      { author: 'Marie', date: '2019-10-21', text: 'Merci.' },
    ])
    assert.equal(after[ids[2]!].comments[0].text, 'Première ligne.\nDeuxième ligne.', 'the text stays as the file has it')
    assert.equal(after[ids[4]!].comments[0].author, 'Marie')
    for (const id of ids) {
      assert.equal(after[id].text, before[id].text, 'no translation changed')
      assert.equal(after[id].state, before[id].state)
    }
  })
})
