/**
 * The multi-script fixture through the exchange formats: an image's alt text
 * and title are translatable text (not code data), a comment before a block
 * is a note for the translator (never a reviewer's comment), every format
 * round-trips byte for byte, and press check warns about an empty alt text.
 */
import assert from 'node:assert/strict'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { before, describe, it } from 'node:test'
import { checkTranslations } from '../../src/commands/check.ts'
import { exportTranslation } from '../../src/commands/export.ts'
import { importTranslation } from '../../src/commands/import.ts'
import { exchangeFormats, formatExtensions, type ExchangeFormat } from '../../src/exchange/units.ts'
import { collectingLogger } from '../../src/util/logger.ts'
import { snapshot } from '../exchange/helpers.ts'
import { copyFixture, fixtureId } from './fixture.ts'

const IMAGE = 'p-1wi1xh'
const NOTED = 'p-razcd5'
const NOTE = 'The key name P stays as it is: it is printed on the keyboard.'
const jaAlt = '地域別の読者数を示す棒グラフ'

describe('alt text and translator notes in the exchange formats', () => {
  let root = ''
  const entries = (language: string) => JSON.parse(readFileSync(join(root, 'translations', language, `${fixtureId}.json`), 'utf8')).entries
  const exported = async (format: ExchangeFormat, language = 'ja'): Promise<string> =>
    (await exportTranslation({ root, language, format })).text
  const importText = async (format: ExchangeFormat, text: string) => {
    const file = join(root, `ja.${formatExtensions[format]}`)
    writeFileSync(file, text)
    return importTranslation({ root, file })
  }
  before(() => {
    process.env.SOURCE_DATE_EPOCH = '1571529600'
    root = copyFixture()
  })

  it('should give the alt text and title as text between codes in XLIFF 2, XLIFF 1.2 and PO', async () => {
    const x2 = await exported('xliff2')
    const unit2 = new RegExp(`<unit id="${IMAGE}"[\\s\\S]*?</unit>`).exec(x2)![0]
    const source2 =
      '<source><pc id="1" type="image" dataRefStart="d1" dataRefEnd="d2">A bar chart of readers by region</pc>' +
      'Readers by region<ph id="2" type="image" dataRef="d3" disp="&quot;)"/></source>'
    assert.ok(unit2.includes(source2), unit2)
    assert.match(unit2, new RegExp(`<target><pc id="1"[^>]*>${jaAlt}</pc>地域別の読者数<ph id="2"`))
    for (const [, data] of unit2.matchAll(/<data id="d\d">([^<]*)<\/data>/g)) assert.doesNotMatch(data!, /bar chart|Readers|地域/)
    const x12 = await exported('xliff12')
    const unit12 = new RegExp(`<trans-unit id="${IMAGE}"[\\s\\S]*?</trans-unit>`).exec(x12)![0]
    const source12 =
      '<source><g id="1" ctype="x-image" pp:start="![" pp:end="](images/readers.png &quot;">' +
      'A bar chart of readers by region</g>Readers by region<x id="2"'
    assert.ok(unit12.includes(source12), unit12)
    assert.match(unit12, new RegExp(`<target state="translated"><g id="1"[^>]*>${jaAlt}</g>地域別の読者数<x id="2"`))
    const po = await exported('po')
    assert.match(
      po,
      new RegExp(
        `msgctxt "${IMAGE}"\\nmsgid ""\\n"!\\[A bar chart of readers by region\\]\\(images/readers.png \\\\"Readers by region\\\\"\\)"`,
      ),
    )
  })

  it('should export the comment before a block as a note for the translator in every format, and import none of it', async () => {
    assert.match(await exported('xliff2'), new RegExp(`<note category="developer" appliesTo="source">${NOTE}</note>`))
    assert.match(await exported('xliff12'), new RegExp(`<note from="developer" annotates="source">${NOTE}</note>`))
    assert.match(
      await exported('po'),
      new RegExp(`#\\. ${NOTE}\\n#\\. Paragraph in section "Pictures and tables"\\n[^]*?msgctxt "${NOTED}"`),
    )
    // A comment is a note for one block only: the next blocks have none.
    assert.equal((await exported('po')).split(NOTE).length, 2)
  })

  it('should leave every translation file byte-identical after a round trip in every format', async () => {
    const before = snapshot(root)
    for (const format of exchangeFormats) {
      const result = await importText(format, await exported(format))
      assert.deepEqual(
        result.changes.map((c) => c.id),
        [],
        format,
      )
      assert.deepEqual(snapshot(root), before, `${format} changed translations/`)
    }
    assert.equal(entries('ja')[NOTED].comments, undefined)
    assert.doesNotMatch(JSON.stringify(entries('ja')), /The key name/)
  })

  it('should import an alt text and a title edited in a CAT tool into the block Markdown', async () => {
    const edited = (await exported('xliff2')).replace(`${jaAlt}</pc>地域別の読者数`, '地域ごとの読者の棒グラフ</pc>地域ごとの読者')
    const result = await importText('xliff2', edited)
    assert.deepEqual(
      result.changes.map((c) => c.id),
      [IMAGE],
    )
    assert.equal(entries('ja')[IMAGE].text, '![地域ごとの読者の棒グラフ](images/readers.png "地域ごとの読者")')
    const x12 = (await exported('xliff12')).replace('地域ごとの読者の棒グラフ</g>', `${jaAlt}</g>`)
    await importText('xliff12', x12)
    assert.equal(entries('ja')[IMAGE].text, `![${jaAlt}](images/readers.png "地域ごとの読者")`)
  })

  it('should warn about an image without alt text in a source and in a translation, at its place', async () => {
    const source = join(root, 'content', fixtureId, 'pictures.md')
    writeFileSync(source, readFileSync(source, 'utf8').replace('![A bar chart of readers by region]', '![]'))
    const path = join(root, 'translations', 'el', `${fixtureId}.json`)
    writeFileSync(path, readFileSync(path, 'utf8').replace('![Ένα ραβδόγραμμα των αναγνωστών ανά περιοχή]', '![ ]'))
    const report = await checkTranslations({ root, languages: ['el'] }, collectingLogger())
    assert.deepEqual(
      report.source.map((i) => [i.rule, i.level, i.file, i.line, i.column]),
      [['alt-text', 'warning', `content/${fixtureId}/pictures.md`, 9, 1]],
    )
    const el = report.languages[0]!.items.filter((i) => i.rule === 'alt-text')
    assert.equal(el.length, 1)
    assert.equal(el[0]!.level, 'warning')
    assert.match(`${el[0]!.file}:${el[0]!.line}`, new RegExp(`^translations/el/${fixtureId}.json:\\d+$`))
  })
})
