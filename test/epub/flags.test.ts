import assert from 'node:assert/strict'
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { before, describe, it } from 'node:test'
import { build } from '../../src/commands/build.ts'
import { collectingLogger } from '../../src/util/logger.ts'
import { entries, epubcheck, epubPath, publicationId, root, sourceDateEpoch, text } from './tools.ts'

// A copy of the project whose Chinese translation lacks one paragraph and has another out of date.
const missing = 'p-i1jlvs'
const stale = 'p-ovy8cz'
const note = 'n-xil545'

describe('EPUB editions with missing and stale translations', () => {
  let outDir = ''
  before(async () => {
    process.env.SOURCE_DATE_EPOCH = String(sourceDateEpoch)
    const project = mkdtempSync(join(tmpdir(), 'press-epub-flags-'))
    for (const folder of ['content', 'translations', 'templates']) cpSync(join(root, folder), join(project, folder), { recursive: true })
    const file = join(project, 'translations', 'zh', `${publicationId}.json`)
    const data = JSON.parse(readFileSync(file, 'utf8')) as { entries: Record<string, { text: string; sourceHash: string }> }
    data.entries[missing]!.text = ''
    data.entries[stale]!.sourceHash = '0000000000000000'
    data.entries[note]!.text = ''
    writeFileSync(file, JSON.stringify(data, null, 2) + '\n')
    outDir = join(project, 'dist')
    await build({ root: project, outDir, frozen: true, strict: false, formats: ['epub'], languages: ['zh'] }, collectingLogger())
  })

  it('should mark a source-language fallback with its language and a visible flag', () => {
    const docs = [...entries(epubPath(outDir, 'zh'))]
      .filter(([name]) => name.endsWith('.xhtml'))
      .map(([name]) => text(entries(epubPath(outDir, 'zh')), name))
      .join('\n')
    assert.match(
      docs,
      new RegExp(
        `<p id="${missing}" class="pp-fallback" data-status="fallback" lang="en" xml:lang="en">` +
          '<span class="pp-flag" lang="zh" xml:lang="zh">[^<]+</span>',
      ),
    )
    assert.match(
      docs,
      new RegExp(`<p id="${stale}" class="pp-stale" data-status="stale"[^>]*><span class="pp-flag" lang="zh" xml:lang="zh">[^<]+</span>`),
    )
    assert.match(
      docs,
      new RegExp(`<aside id="pp-fn-2" [^>]*><p id="${note}" class="pp-fallback"[^>]*><a href="#pp-fnref-2" role="doc-backlink"`),
    )
  })

  it('should still pass epubcheck with 0 errors and 0 warnings', async () => {
    const dir = join(outDir, 'epubcheck')
    mkdirSync(dir, { recursive: true })
    const result = await epubcheck(epubPath(outDir, 'zh'), dir)
    assert.deepEqual(result, { fatals: 0, errors: 0, warnings: 0, messages: [] })
  })
})
