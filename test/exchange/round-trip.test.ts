import assert from 'node:assert/strict'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { exportTranslation } from '../../src/commands/export.ts'
import { importTranslation } from '../../src/commands/import.ts'
import { exchangeFormats, formatExtensions } from '../../src/exchange/units.ts'
import { languages, snapshot, tempProject, varyStates } from './helpers.ts'

describe('export → import round trip', () => {
  let project: ReturnType<typeof tempProject>
  before(() => {
    project = tempProject()
    // Stale, reviewed and missing entries make the round trip carry every state.
    for (const language of languages) varyStates(project.root, language)
  })
  after(() => project.cleanup())

  for (const language of languages) {
    it(`should leave translations/ byte-identical for ${language} in every format`, async () => {
      const root = project.root
      const before = snapshot(root)
      for (const format of exchangeFormats) {
        const exported = await exportTranslation({ root, language, format })
        assert.equal(exported.units, 25)
        const file = join(root, `${language}.${formatExtensions[format]}`)
        writeFileSync(file, exported.text)
        const result = await importTranslation({ root, file })
        assert.equal(result.format, format)
        assert.equal(result.language, language)
        assert.deepEqual(
          result.changes.map((c) => c.id),
          [],
          `${format} changed entries`,
        )
        assert.equal(result.written, false)
        assert.deepEqual(snapshot(root), before, `${format} changed translations/`)
      }
    })
  }

  it('should export the same bytes twice (deterministic)', async () => {
    for (const format of exchangeFormats) {
      const a = await exportTranslation({ root: project.root, language: 'ar', format })
      const b = await exportTranslation({ root: project.root, language: 'ar', format })
      assert.equal(a.text, b.text)
    }
  })
})
