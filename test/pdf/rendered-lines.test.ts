import assert from 'node:assert/strict'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { BrowserSession } from '../../src/outputs/pdf/session.ts'
import { folderUrl, PageResources } from '../../src/outputs/pdf/resources.ts'
import { facesFor, fontFaceCss, packageFaces } from '../../src/outputs/fonts.ts'
import { stextLines } from './print-quality.ts'
import { seenLines, seenLoose, seenRivers } from './rendered-lines.ts'

/**
 * The rendered-page check of loose lines and rivers (rendered-lines.ts; print-quality.test.ts runs it on the ru and
 * en-ru PDFs) fails on a deliberately bad page: long words justified in a column a few words wide, unhyphenated, as
 * Chromium breaks it greedily. The same text set ragged passes.
 */
describe('the rendered-page check of loose lines and rivers', () => {
  const session = new BrowserSession()
  const dir = mkdtempSync(join(tmpdir(), 'press-loose-'))
  const text =
    'International telecommunications organizations acknowledge considerable responsibilities: intergovernmental ' +
    'institutions, multistakeholder partnerships and nongovernmental associations increasingly coordinate ' +
    'cybersecurity, interoperability, standardization and infrastructure development. Telecommunications ' +
    'administrations, international standardization organizations and intergovernmental conferences ' +
    'increasingly acknowledge multistakeholder responsibilities.'
  const pdf = (name: string) => join(dir, `${name}.pdf`)

  before(async () => {
    const faces = facesFor(text, packageFaces('@fontsource/noto-serif'))
    const css = faces.map((face) => fontFaceCss([face], folderUrl(dirname(face.path)))).join('\n')
    for (const [name, align] of [
      ['justified', 'justify'],
      ['ragged', 'left'],
    ] as const) {
      const resources = new PageResources()
      for (const face of faces) resources.file(folderUrl(dirname(face.path)) + face.fileName, face.path)
      const style = `${css} p { font: 12pt/1.5 'Noto Serif'; inline-size: 19em; text-align: ${align}; hyphens: none }`
      const url = resources.text(
        `${name}.html`,
        `<!doctype html><html lang="en"><meta charset="utf-8"><style>${style}</style><p>${text}</p></html>`,
      )
      await session.withPage(resources, async (page) => {
        await page.goto(url)
        await page.evaluate('document.fonts.ready')
        writeFileSync(pdf(name), await page.pdf({ format: 'A4' }))
      })
    }
  })
  after(() => session.close())

  it('should find the loose lines and a river of the justified page', () => {
    const seen = seenLines(pdf('justified'), stextLines(pdf('justified')))
    assert.ok(seen.length >= 8, `${seen.length} lines measured`)
    assert.ok(seenLoose(seen).length >= seen.length / 2, `${seenLoose(seen).length} of ${seen.length} lines loose`)
    assert.ok(seenRivers(seen).length >= 1, 'a river')
  })

  it('should find neither in the same text set ragged', () => {
    const seen = seenLines(pdf('ragged'), stextLines(pdf('ragged')))
    assert.ok(seen.length >= 8, `${seen.length} lines measured`)
    assert.deepEqual(
      seenLoose(seen).map((l) => l.text),
      [],
    )
    assert.deepEqual(seenRivers(seen), [])
  })
})
