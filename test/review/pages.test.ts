import assert from 'node:assert/strict'
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { after, before, describe, it } from 'node:test'
import type { Browser } from 'puppeteer-core'
import { build } from '../../src/commands/build.ts'
import { resolveIds } from '../../src/ids/resolve.ts'
import { collectingLogger } from '../../src/util/logger.ts'
import { findPublications } from '../../src/project/paths.ts'
import { reviewPair } from '../../src/commands/review.ts'
import { publicationId, repoRoot, targets } from '../helpers/project.ts'
import { axeViolations, launchBrowser, serious } from '../helpers/browser.ts'
import { nuCheck } from '../helpers/html.ts'

const pairs = [...targets.map((t) => `en-${t}`), 'fr-ar']
let out: string
let ids: string[]
let browser: Browser
const page = (pair: string): string => join(out, publicationId, 'review', `${pair}.html`)
const rowIds = (html: string): string[] => [...html.matchAll(/<tr id="([^"]+)"/g)].map((m) => m[1]!)

describe('review pages', () => {
  before(async () => {
    out = mkdtempSync(join(tmpdir(), 'press-review-'))
    process.env.SOURCE_DATE_EPOCH = '1571529600'
    await build({ root: repoRoot, outDir: out, frozen: true, strict: false, formats: ['html'] }, collectingLogger())
    await reviewPair({ root: repoRoot, outDir: out, a: 'fr', b: 'ar', frozen: true, pdf: false }, collectingLogger())
    const [publication] = await findPublications(repoRoot, publicationId)
    ids = (await resolveIds(publication!, { frozen: true, write: false })).ids
    browser = await launchBrowser()
  })
  after(async () => {
    await browser?.close()
  })

  it('should have one row per paragraph ID, in source order, for the five targets and fr-ar', () => {
    for (const pair of pairs) {
      const html = readFileSync(page(pair), 'utf8')
      assert.deepEqual(rowIds(html), ids, pair)
      const [a, b] = pair.split('-')
      assert.match(html, new RegExp(`<td class="col-a side-\\w+" lang="${a}" dir="${a === 'ar' ? 'rtl' : 'ltr'}"`), pair)
      assert.match(html, new RegExp(`<td class="col-b side-\\w+" lang="${b}" dir="${b === 'ar' ? 'rtl' : 'ltr'}"`), pair)
      assert.match(html, new RegExp(`href="\\.\\./${b}/index\\.html#${ids[3]}"`))
      assert.match(html, new RegExp(`href="\\.\\./${a}/${publicationId}\\.${a}\\.pdf#${ids[3]}"`))
    }
  })

  it('should pass the Nu Html Checker with 0 errors', () => {
    const messages = nuCheck(pairs.map(page), [join(out, publicationId, 'assets', 'review.css')])
    assert.deepEqual(
      messages.filter((m) => m.type === 'error' || m.subType === 'fatal'),
      [],
    )
  })

  it('should have no serious or critical axe-core violations in Chromium', async () => {
    for (const pair of pairs) assert.deepEqual(serious(await axeViolations(browser, pathToFileURL(page(pair)).href)), [], pair)
  })

  it('should filter to rows that need attention and move focus to the next problem with "n"', async () => {
    const tab = await browser.newPage()
    await tab.setViewport({ width: 1400, height: 1000 })
    await tab.goto(pathToFileURL(page('fr-ar')).href, { waitUntil: 'load' })
    const visible = (): Promise<{ id: string; attention: boolean }[]> =>
      tab.$$eval('tbody tr', (rows) =>
        rows
          .filter((r) => (r as HTMLElement).offsetParent !== null)
          .map((r) => ({ id: r.id, attention: r.classList.contains('attention') })),
      )
    const all = await visible()
    assert.equal(all.length, ids.length)
    const problems = all.filter((r) => r.attention).map((r) => r.id)
    assert.ok(problems.length >= 1, 'fr-ar has rows with QA findings')
    assert.ok(await tab.$eval('#pp-next-problem', (b) => !(b as HTMLButtonElement).hidden), 'the script reveals the button')

    await tab.click('#pp-needs-attention')
    const filtered = await visible()
    assert.deepEqual(
      filtered.map((r) => r.id),
      problems,
    )

    await tab.keyboard.press('n')
    assert.equal(await tab.evaluate(() => document.activeElement?.id), problems[0])
    await tab.keyboard.press('n')
    assert.equal(await tab.evaluate(() => document.activeElement?.id), problems[1 % problems.length])
    const focused = await tab.evaluate(() => {
      const rect = document.activeElement!.getBoundingClientRect()
      return rect.bottom > 0 && rect.top < window.innerHeight
    })
    assert.ok(focused, 'the focused row is scrolled into view')
    mkdirSync(join(repoRoot, 'test-artifacts'), { recursive: true })
    await tab.screenshot({ path: join(repoRoot, 'test-artifacts', 'review-fr-ar-needs-attention.png') })
    await tab.close()
  })

  it('should show every row and still filter without JavaScript', async () => {
    const tab = await browser.newPage()
    await tab.setJavaScriptEnabled(false)
    await tab.goto(pathToFileURL(page('en-zh')).href, { waitUntil: 'load' })
    const count = (): Promise<number> =>
      tab.$$eval('tbody tr', (rows) => rows.filter((r) => (r as HTMLElement).offsetParent !== null).length)
    assert.equal(await count(), ids.length)
    assert.ok(await tab.$eval('#pp-next-problem', (b) => (b as HTMLButtonElement).hidden), 'the next-problem button needs the script')
    await tab.click('#pp-needs-attention')
    const attention = await tab.$$eval('tbody tr.attention', (rows) => rows.length)
    assert.equal(await count(), attention)
    await tab.close()
  })
})
