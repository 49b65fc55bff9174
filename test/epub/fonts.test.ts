import assert from 'node:assert/strict'
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { after, before, describe, it } from 'node:test'
import type { Browser } from 'puppeteer-core'
import { launchBrowser } from '../helpers/browser.ts'
import { entries, epubPath, languages, sharedEpubs } from './tools.ts'

/** Unpack an EPUB into a folder so Chromium can open its documents. */
function unpack(file: string, dir: string): string[] {
  const files = entries(file)
  for (const [name, data] of files) {
    mkdirSync(dirname(join(dir, name)), { recursive: true })
    writeFileSync(join(dir, name), data)
  }
  return [...files.keys()].filter((name) => name.endsWith('.xhtml'))
}

describe('fonts embedded in the EPUB editions', () => {
  let outDir = ''
  let unpacked = ''
  let browser: Browser
  before(async () => {
    outDir = (await sharedEpubs()).out
    unpacked = mkdtempSync(join(tmpdir(), 'press-epub-fonts-'))
    browser = await launchBrowser()
  })
  after(async () => browser?.close())

  it('should render every glyph of every document with an embedded font (no system fallback)', async () => {
    for (const language of languages) {
      const dir = join(unpacked, language)
      const page = await browser.newPage()
      const client = await page.createCDPSession()
      await client.send('DOM.enable')
      await client.send('CSS.enable')
      const used = new Map<string, number>()
      for (const name of unpack(epubPath(outDir, language), dir)) {
        await page.goto(pathToFileURL(join(dir, name)).href, { waitUntil: 'load' })
        await page.evaluate(() => document.fonts.ready.then(() => undefined))
        const { root } = await client.send('DOM.getDocument', { depth: -1 })
        const { nodeIds } = await client.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector: 'body *' })
        for (const nodeId of nodeIds) {
          const { fonts } = await client.send('CSS.getPlatformFontsForNode', { nodeId })
          for (const font of fonts) {
            assert.ok(font.isCustomFont, `${language} ${name}: ${font.glyphCount} glyphs drawn with the system font ${font.familyName}`)
            used.set(font.familyName, (used.get(font.familyName) ?? 0) + font.glyphCount)
          }
        }
      }
      await page.close()
      const main = language === 'zh' ? 'Noto Serif SC' : language === 'ar' ? 'Noto Naskh Arabic' : 'Noto Serif'
      // Font names come from the files' name tables (the Chinese one calls itself "Noto Serif SC ExtraLight").
      const inMain = [...used].filter(([family]) => family.startsWith(main)).reduce((sum, [, count]) => sum + count, 0)
      const total = [...used].reduce((sum, [, count]) => sum + count, 0)
      assert.ok(inMain > total / 2, `${language}: most text in ${main} (${JSON.stringify([...used])})`)
    }
  })
})
