import assert from 'node:assert/strict'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, it } from 'node:test'
import { exportTranslation } from '../../src/commands/export.ts'
import { importTranslation } from '../../src/commands/import.ts'
import { PressError } from '../../src/util/problems.ts'
import { snapshot, tempProject, translationFile } from './helpers.ts'

describe('importing edited exports', () => {
  let project: ReturnType<typeof tempProject>
  beforeEach(() => (project = tempProject()))
  afterEach(() => project.cleanup())

  const targetOf = (xml: string, id: string): string => new RegExp(`<unit id="${id}"[\\s\\S]*?<target>([\\s\\S]*?)</target>`).exec(xml)![1]!

  it('should import exactly three changed targets and one state marked reviewed (XLIFF 2)', async () => {
    const root = project.root
    const before = translationFile(root, 'fr').data
    const ids = Object.keys(before.entries)
    let xml = (await exportTranslation({ root, language: 'fr', format: 'xliff2' })).text
    const edited = [ids[0]!, ids[5]!, ids[10]!]
    for (const id of edited) xml = xml.replace(targetOf(xml, id), targetOf(xml, id) + ' (révisé)')
    xml = xml.replace(new RegExp(`(<unit id="${ids[7]}"[\\s\\S]*?<segment state=")translated"`), '$1reviewed"')
    const file = join(root, 'edited.xlf')
    writeFileSync(file, xml)

    const dry = await importTranslation({ root, file, dryRun: true })
    assert.equal(dry.changes.length, 4)
    assert.deepEqual(translationFile(root, 'fr').data, before, '--dry-run writes nothing')

    const result = await importTranslation({ root, file })
    assert.deepEqual(
      result.changes.map((c) => [c.id, c.description]).sort(),
      [
        [ids[0], 'text changed'],
        [ids[5], 'text changed'],
        [ids[10], 'text changed'],
        [ids[7], 'translated → reviewed'],
      ].sort(),
    )
    const after = translationFile(root, 'fr').data
    for (const id of ids) {
      if (edited.includes(id)) assert.deepEqual(after.entries[id], { ...before.entries[id], text: before.entries[id].text + ' (révisé)' })
      else if (id === ids[7]) assert.deepEqual(after.entries[id], { ...before.entries[id], state: 'reviewed' })
      else assert.deepEqual(after.entries[id], before.entries[id])
    }
    assert.deepEqual(Object.keys(after.entries), ids)
  })

  it('should never erase a translation because a tool left its target empty, unless forced (PO)', async () => {
    const root = project.root
    const before = translationFile(root, 'fr').data
    const id = Object.keys(before.entries)[2]!
    const po = (await exportTranslation({ root, language: 'fr', format: 'po' })).text
    const emptied = po.replace(new RegExp(`(msgctxt "${id}"\\n(?:msgid .*\\n|".*"\\n)+)msgstr ""\\n(?:".*"\\n)+`), '$1msgstr ""\n')
    assert.notEqual(emptied, po)
    const file = join(root, 'emptied.po')
    writeFileSync(file, emptied)
    const result = await importTranslation({ root, file })
    assert.deepEqual(result.changes, [])
    assert.ok(result.warnings.some((w) => w.ruleId === 'empty-target' && w.reason.includes(id)))
    assert.deepEqual(translationFile(root, 'fr').data, before)
    const forced = await importTranslation({ root, file, force: true })
    assert.deepEqual(
      forced.changes.map((c) => c.id),
      [id],
    )
    assert.equal(translationFile(root, 'fr').data.entries[id].text, '')
  })

  it('should keep inline codes as the same Markdown when a target with codes is edited (XLIFF 1.2)', async () => {
    const root = project.root
    const id = Object.entries(translationFile(root, 'fr').data.entries).find(([, e]: [string, any]) => e.text.includes('[^1]'))![0]
    let xml = (await exportTranslation({ root, language: 'fr', format: 'xliff12' })).text
    xml = xml.replace(/(<trans-unit id="[^"]+"[^>]*>[\s\S]*?<target state="translated">)Le taux/, '$1Désormais, le taux')
    const file = join(root, 'edited.xliff')
    writeFileSync(file, xml)
    const result = await importTranslation({ root, file })
    assert.deepEqual(
      result.changes.map((c) => c.id),
      [id],
    )
    const text: string = translationFile(root, 'fr').data.entries[id].text
    assert.ok(text.startsWith('Désormais, le taux'))
    assert.deepEqual(text.match(/\[\^\d\]/g), ['[^1]', '[^2]', '[^3]'])
  })

  it(
    'should refuse, with --atomic, a whole file that would overwrite a reviewed translation ' +
      'or one changed since the export, unless forced',
    async () => {
      const root = project.root
      const { path, data } = translationFile(root, 'es')
      const ids = Object.keys(data.entries)
      data.entries[ids[0]!].state = 'reviewed'
      writeFileSync(path, JSON.stringify(data, null, 2) + '\n')
      const exported = JSON.parse((await exportTranslation({ root, language: 'es', format: 'json' })).text)
      exported.units[0].target = 'Otro texto.'
      exported.units[1].target = 'Texto nuevo.'
      const file = join(root, 'es.json')
      writeFileSync(file, JSON.stringify(exported))
      // Someone edits the second entry after the export.
      data.entries[ids[1]!].text = 'Editado mientras tanto.'
      writeFileSync(path, JSON.stringify(data, null, 2) + '\n')
      const before = snapshot(root)
      await assert.rejects(importTranslation({ root, file, atomic: true }), (error: unknown) => {
        assert.ok(error instanceof PressError)
        assert.deepEqual(
          error.messages.map((m) => m.ruleId),
          ['reviewed-entry', 'changed-since-export'],
        )
        assert.ok(error.messages.every((m) => m.line !== undefined))
        return true
      })
      assert.deepEqual(snapshot(root), before)
      const forced = await importTranslation({ root, file, force: true })
      assert.equal(forced.changes.length, 2)
      assert.equal(translationFile(root, 'es').data.entries[ids[0]!].text, 'Otro texto.')
    },
  )

  it('should import a translation whose source no longer matches as stale, not current', async () => {
    const root = project.root
    const ids = Object.keys(translationFile(root, 'ru').data.entries)
    let po = (await exportTranslation({ root, language: 'ru', format: 'po' })).text
    // The file was made from an older wording of the second paragraph.
    po = po.replace('"The 6th World Internet Conference', '"The sixth World Internet Conference')
    po = po.replace(/(msgctxt "[^"]+"\nmsgid ""\n"The sixth[\s\S]*?msgstr ""\n")/, '$1Новый перевод. ')
    const file = join(root, 'ru.po')
    writeFileSync(file, po)
    const result = await importTranslation({ root, file })
    assert.deepEqual(
      result.changes.map((c) => c.id),
      [ids[1]],
    )
    assert.match(result.changes[0]!.description, /stale/)
    assert.equal(result.warnings[0]?.ruleId, 'stale-source')
    const entry = translationFile(root, 'ru').data.entries[ids[1]!]
    assert.ok(entry.source.startsWith('The sixth World Internet Conference'))
    assert.ok(entry.text.startsWith('Новый перевод. '))
    assert.notEqual(entry.sourceHash, translationFile(root, 'ru').data.entries[ids[0]!].sourceHash)
    assert.ok(readFileSync(join(root, 'content/wuzhen-outlook-2019/outlook.md'), 'utf8').includes('The 6th World'))
  })
})
