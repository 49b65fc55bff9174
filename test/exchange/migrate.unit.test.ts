import assert from 'node:assert/strict'
import { rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { po } from 'gettext-parser'
import { importTranslation } from '../../src/commands/import.ts'
import { resolveIds } from '../../src/ids/resolve.ts'
import { findPublications } from '../../src/project/paths.ts'
import { tempProject, translationFile } from './helpers.ts'

describe('migrating a gettext catalog keyed by source text', () => {
  let project: ReturnType<typeof tempProject>
  before(() => (project = tempProject()))
  after(() => project.cleanup())

  it('should match at least 95% of the blocks of a catalog made from the English source', async () => {
    const root = project.root
    const french = translationFile(root, 'fr').data
    const [publication] = await findPublications(root)
    const sources = await resolveIds(publication!, { frozen: true, write: false })
    const translations: Record<string, any> = {
      '': { '': { msgid: '', msgstr: ['Language: fr\nContent-Type: text/plain; charset=UTF-8\n'] } },
    }
    sources.blocks.forEach((block, i) => {
      let msgid = block.text
      // What other tools do to the text: rewrapped lines, headings with their marks, markup dropped, small edits.
      if (i === 0) msgid = msgid.replace(/\. /g, '.\n')
      if (block.kind === 'heading') msgid = `## ${msgid}`
      if (msgid.includes('[^1]')) msgid = msgid.replace('[^1]', '').replace('[^2]', '')
      if (msgid.startsWith('Emerging')) msgid = msgid.replace('Emerging', 'Emergent').replace('far more', 'much more')
      translations[''][msgid] = { msgid, msgstr: [french.entries[sources.ids[i]!].text] }
    })
    translations['']['A paragraph that is not in the source at all.'] = {
      msgid: 'A paragraph that is not in the source at all.',
      msgstr: ['Un paragraphe absent.'],
    }
    const file = join(root, 'catalog.po')
    writeFileSync(
      file,
      po.compile({ charset: 'utf-8', headers: { Language: 'fr', 'Content-Type': 'text/plain; charset=UTF-8' }, translations } as any),
    )
    rmSync(join(root, 'translations/fr/wuzhen-outlook-2019.json'))

    const result = await importTranslation({ root, file })
    const m = result.migration!
    assert.ok(m, 'detected as a catalog to migrate')
    assert.ok(m.matches.length / m.blocks >= 0.95, `${m.matches.length} of ${m.blocks} matched`)
    assert.equal(m.unmatched.length, 1)
    assert.equal(m.unmatched[0]!.msgid, 'A paragraph that is not in the source at all.')
    const imported = translationFile(root, 'fr').data
    let same = 0
    for (const match of m.matches) if (imported.entries[match.id].text === french.entries[match.id].text) same++
    assert.equal(same, m.matches.length, 'each message went to its own block')
    assert.deepEqual(
      Object.keys(imported.entries),
      sources.ids.filter((id) => id in imported.entries),
      'entries in source order',
    )
    const fuzzy = m.matches.filter((x) => x.how === 'fuzzy').map((x) => x.id)
    assert.ok(fuzzy.length >= 1, 'the edited message matched by similarity')
    for (const id of fuzzy) assert.notEqual(imported.entries[id].sourceHash, sources.byId.get(id)!.hash, 'a fuzzy match imports as stale')
  })
})
