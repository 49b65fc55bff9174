import assert from 'node:assert/strict'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, it } from 'node:test'
import { exportTranslation } from '../../src/commands/export.ts'
import { updateIds } from '../../src/commands/ids.ts'
import { importTranslation } from '../../src/commands/import.ts'
import { syncTranslations } from '../../src/commands/sync.ts'
import { fingerprint } from '../../src/source/fingerprint.ts'
import { PressError } from '../../src/util/problems.ts'
import { collectingLogger } from '../../src/util/logger.ts'
import { press } from '../helpers/project.ts'
import { PUB, snapshot, tempProject, translationFile } from './helpers.ts'

const source = 'content/wuzhen-outlook-2019/outlook.md'

describe('importing unit by unit', () => {
  let project: ReturnType<typeof tempProject>
  beforeEach(() => (project = tempProject()))
  afterEach(() => project.cleanup())

  const targetOf = (xml: string, id: string): string => new RegExp(`<unit id="${id}"[\\s\\S]*?<target>([\\s\\S]*?)</target>`).exec(xml)![1]!
  const revise = (xml: string, id: string): string => xml.replace(targetOf(xml, id), targetOf(xml, id) + ' (révisé)')

  it('should apply a revision whose entry press sync marked stale after the export, and keep it stale', async () => {
    const root = project.root
    const before = translationFile(root, 'fr').data
    const ids = Object.keys(before.entries)
    const xml = (await exportTranslation({ root, language: 'fr', format: 'xliff2' })).text
    // While the file is out, one source paragraph is edited: ids and sync mark its entry stale.
    const edited = ids[4]!
    const path = join(root, source)
    const oldSource: string = before.entries[edited].source
    writeFileSync(path, readFileSync(path, 'utf8').replace(oldSource, `${oldSource} One sentence added by an editor.`))
    await updateIds(root, undefined, collectingLogger())
    await syncTranslations({ root, frozen: false }, collectingLogger())
    assert.equal(translationFile(root, 'fr').data.entries[edited].stale, true)

    // The translator revised two untouched paragraphs and the one that went stale.
    const file = join(root, 'revised.xlf')
    writeFileSync(file, revise(revise(revise(xml, ids[1]!), ids[8]!), edited))
    const result = await importTranslation({ root, file })
    assert.deepEqual(result.refused, [])
    assert.deepEqual(result.changes.map((c) => c.id).sort(), [ids[1], ids[8], edited].sort())
    const after = translationFile(root, 'fr').data
    for (const id of [ids[1]!, ids[8]!])
      assert.deepEqual(after.entries[id], { ...before.entries[id], text: before.entries[id].text + ' (révisé)' })
    assert.deepEqual(after.entries[edited], {
      state: 'translated',
      sourceHash: fingerprint(oldSource),
      source: oldSource,
      text: before.entries[edited].text + ' (révisé)',
      stale: true,
    })
    for (const id of ids.filter((id) => ![ids[1], ids[8], edited].includes(id))) assert.deepEqual(after.entries[id], before.entries[id])
  })

  it('should refuse only the conflicting units, with their positions, and apply the others', async () => {
    const root = project.root
    const { path, data } = translationFile(root, 'es')
    const ids = Object.keys(data.entries)
    data.entries[ids[0]!].state = 'reviewed'
    writeFileSync(path, JSON.stringify(data, null, 2) + '\n')
    const exported = JSON.parse((await exportTranslation({ root, language: 'es', format: 'json' })).text)
    exported.units[0].target = 'Otro texto.'
    exported.units[1].target = 'Texto nuevo.'
    exported.units[2].target = 'Tercer texto revisado.'
    const file = join(root, 'es.json')
    const text = JSON.stringify(exported, null, 2)
    writeFileSync(file, text)
    data.entries[ids[1]!].text = 'Editado mientras tanto.' // someone edits the second entry after the export
    writeFileSync(path, JSON.stringify(data, null, 2) + '\n')
    const before = snapshot(root)
    const unitLine = (index: number): number => text.slice(0, text.indexOf(`"id": "${ids[index]}"`)).split('\n').length - 1

    const dry = await importTranslation({ root, file, dryRun: true })
    assert.deepEqual(
      dry.changes.map((c) => c.id),
      [ids[2]],
    )
    assert.deepEqual(snapshot(root), before, '--dry-run writes nothing')

    await assert.rejects(
      importTranslation({ root, file, atomic: true }),
      (error: unknown) => error instanceof PressError && error.messages.length === 2,
    )
    assert.deepEqual(snapshot(root), before, '--atomic applies none')

    const result = await importTranslation({ root, file })
    assert.deepEqual(
      result.refused.map((m) => [m.ruleId, m.line]),
      [
        ['reviewed-entry', unitLine(0)],
        ['changed-since-export', unitLine(1)],
      ],
    )
    assert.deepEqual(
      result.changes.map((c) => c.id),
      [ids[2]],
    )
    assert.equal(result.written, true)
    const after = translationFile(root, 'es').data
    assert.deepEqual(after.entries[ids[0]!], data.entries[ids[0]!], 'the reviewed entry is left alone')
    assert.equal(after.entries[ids[1]!].text, 'Editado mientras tanto.', 'the entry changed since the export is left alone')
    assert.equal(after.entries[ids[2]!].text, 'Tercer texto revisado.')
  })

  it('should exit 1 when a unit was refused, saying how many were applied', async () => {
    const root = project.root
    const { path, data } = translationFile(root, 'ru')
    const ids = Object.keys(data.entries)
    const exported = JSON.parse((await exportTranslation({ root, language: 'ru', format: 'json' })).text)
    exported.units[0].target = 'Первый.'
    exported.units[3].target = 'Четвёртый.'
    writeFileSync(join(root, 'ru.json'), JSON.stringify(exported, null, 2))
    data.entries[ids[0]!].text = 'Изменено.'
    writeFileSync(path, JSON.stringify(data, null, 2) + '\n')
    const run = press(root, ['import', 'ru.json'])
    assert.equal(run.status, 1, run.stdout + run.stderr)
    assert.match(
      run.stderr,
      new RegExp(`^ru\\.json:\\d+:\\d+: The translation of "${ids[0]}" changed in the translation file since this export\\.`, 'm'),
    )
    assert.match(run.stdout + run.stderr, new RegExp(`Updated 1 entry in translations/ru/${PUB}\\.json; 1 unit refused and left alone`))
    assert.equal(translationFile(root, 'ru').data.entries[ids[3]!].text, 'Четвёртый.')
  })
})
