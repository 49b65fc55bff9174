import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { build } from '../../src/commands/build.ts'
import { observeParses } from '../../src/source/parse.ts'
import { findPublications } from '../../src/project/paths.ts'
import { resolveIds } from '../../src/ids/resolve.ts'
import { loadTranslations } from '../../src/i18n/load.ts'
import { loadUi, prepareEditions } from '../../src/edition/model.ts'
import { editionLanguage, renderHtmlEdition } from '../../src/outputs/html/index.ts'
import { collectingLogger } from '../../src/util/logger.ts'
import { copyProject, publicationId, repoRoot } from '../helpers/project.ts'

describe('the edition is built once', () => {
  it('should parse each source file once in a full build (every format, every language)', async () => {
    const dir = copyProject()
    const sources = readFileSync(join(dir, 'content', publicationId, 'outlook.md'), 'utf8')
    let parses = 0
    const stop = observeParses((text) => {
      if (text === sources) parses++
    })
    try {
      process.env.SOURCE_DATE_EPOCH = '1571529600'
      const result = await build({ root: dir, frozen: true, strict: false }, collectingLogger())
      assert.ok(result.files.some((f) => f.endsWith('.pdf')) && result.files.some((f) => f.endsWith('.epub')))
    } finally {
      stop()
    }
    assert.equal(parses, 1)
  })

  it('should give writers a frozen edition that renders the same page twice', async () => {
    const [publication] = await findPublications(repoRoot, publicationId)
    const { config } = publication!
    const all = [config.sourceLanguage, ...config.languages]
    const sources = await resolveIds(publication!, { frozen: true, write: false })
    const translations = await loadTranslations(publication!, sources, config.languages)
    const editions = prepareEditions(publication!, sources, translations, await loadUi(repoRoot, all), all)
    const fr = editions.find((e) => e.language === 'fr')!
    assert.ok(Object.isFrozen(fr.content.children[0]) && Object.isFrozen(fr.tree.children[0]))
    assert.throws(() => (fr.content.children as unknown[]).push({}), TypeError)
    const identity = { build: 'b', revision: 'r', date: new Date(0) }
    const first = renderHtmlEdition(fr, editions.map(editionLanguage), 'en', identity)
    assert.equal(renderHtmlEdition(fr, editions.map(editionLanguage), 'en', identity), first)
    assert.match(first, /id="p-[a-z0-9]+"/)
    assert.doesNotMatch(first, /data-press-block-id/)
  })
})
