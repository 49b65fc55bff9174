import assert from 'node:assert/strict'
import { readFileSync, symlinkSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import type { Browser, Page } from 'puppeteer-core'
import { launchBrowser } from '../helpers/browser.ts'
import { copyProject, press, publicationId } from '../helpers/project.ts'
import { followBuilds, rawRequest, settled, startPreview, type BuildEvents, type RunningPreview } from '../helpers/preview.ts'

const file = `translations/fr/${publicationId}.json`
const edition = `/${publicationId}/fr/index.html`
const reviewPage = `/${publicationId}/review/en-fr.html`
const reviewer = 'Ada Reviewer'
let dir: string
let preview: RunningPreview
let builds: BuildEvents
let browser: Browser
let page: Page
let ids: string[]

const raw = (): string => readFileSync(join(dir, file), 'utf8')
type Json = { entries: Record<string, Record<string, unknown> & { text: string; state: string }> }
const entries = (): Json['entries'] => (JSON.parse(raw()) as Json).entries
/** Change one entry's text on disk, as a translator's editor would (a plain write). */
function editOnDisk(id: string, text: string): void {
  const data = JSON.parse(raw()) as Json
  data.entries[id]!.text = text
  writeFileSync(join(dir, file), JSON.stringify(data, null, 2) + '\n')
}
const ready = (p: Page): Promise<unknown> => p.waitForSelector('html[data-pp-review-ready="true"]', { timeout: 90_000 })
/** Do `action` and wait for the reload the rebuild it causes brings, then for the controls. */
async function reloadAfter(action: () => Promise<unknown>): Promise<void> {
  await Promise.all([page.waitForNavigation({ waitUntil: 'load', timeout: 120_000 }), action()])
  await ready(page)
}
async function ctrlEnter(selector: string): Promise<void> {
  await page.focus(selector)
  await page.keyboard.down('Control')
  await page.keyboard.press('Enter')
  await page.keyboard.up('Control')
}
async function fill(selector: string, text: string): Promise<void> {
  await page.waitForSelector(selector)
  await page.$eval(selector, (el, value) => ((el as HTMLTextAreaElement).value = value), text)
}

describe('press preview', { timeout: 600_000 }, () => {
  before(async () => {
    dir = copyProject()
    ids = Object.keys(entries())
    preview = await startPreview(dir, ['--format', 'html', '--lang', 'en,fr', '--reviewer', reviewer])
    builds = followBuilds(preview)
    browser = await launchBrowser()
    page = await browser.newPage()
  })
  after(async () => {
    builds?.close()
    await browser?.close()
    if (preview && preview.child.exitCode === null) await preview.stop()
  })

  it('should reload an HTML edition showing a translation changed on disk, at the same paragraph', async () => {
    await page.goto(preview.url + edition.slice(1), { waitUntil: 'load' })
    const anchor = ids[6]!
    await page.$eval(`#${anchor}`, (el) => el.scrollIntoView({ block: 'start' }))
    // No apostrophe, quote or colon: the edition typesets those (’, « », a narrow no-break space before the colon).
    const text = 'Cette année Internet fête ses cinquante ans et ce texte a été modifié sur le disque pour l’essai.'
    await Promise.all([page.waitForNavigation({ timeout: 120_000 }), Promise.resolve(editOnDisk(ids[0]!, text))])
    await page.waitForFunction((t) => document.body.textContent!.includes(t), { timeout: 60_000 }, text)
    const top = await page.$eval(`#${anchor}`, (el) => el.getBoundingClientRect().top)
    assert.ok(Math.abs(top) < 40, `paragraph ${anchor} stays at the top after the reload (top ${top})`)
    assert.match(await page.$eval('#pp-reviewer', (el) => el.textContent!), /Ada Reviewer/)
  })

  it('should show a build problem as an overlay with path:line:column and hint, gone when fixed', async () => {
    const good = raw()
    writeFileSync(join(dir, file), good.replace('"entries": {', '"entries": {,'))
    const overlay = await page.waitForSelector('#pp-preview-overlay', { timeout: 90_000 })
    const shown = await overlay!.evaluate((el) => el.textContent!)
    assert.match(shown, new RegExp(`${file.replace(/[./]/g, '\\$&')}:\\d+:\\d+`))
    writeFileSync(join(dir, file), good)
    await page.waitForFunction(() => !document.getElementById('pp-preview-overlay'), { timeout: 90_000 })
  })

  it('should save an edited row into the translation file with state translated, nothing else changed', async () => {
    const id = ids[1]!
    const before = JSON.parse(raw()) as Json
    await page.goto(preview.url + reviewPage.slice(1), { waitUntil: 'load' })
    await ready(page)
    await page.click(`tr#${id} .pp-review button[aria-keyshortcuts="E"]`)
    const text = 'La 6e Conférence mondiale de l’Internet se tient à Wuzhen (Chine) du 20 au 22 octobre 2019, texte revu.'
    await fill(`#pp-edit-${id}`, text)
    await reloadAfter(() => ctrlEnter(`#pp-edit-${id}`))
    const after = JSON.parse(raw()) as Json
    assert.equal(after.entries[id]!.text, text)
    assert.equal(after.entries[id]!.state, 'translated')
    assert.equal(after.entries[id]!.source, before.entries[id]!.source)
    delete after.entries[id]
    delete before.entries[id]
    assert.deepEqual(after, before, 'every other entry, the metadata and the order are unchanged')
    assert.match(await page.$eval(`tr#${id} td.col-b`, (el) => el.textContent!), /texte revu/)
  })

  it('should mark the focused row reviewed with R, recording the reviewer and the date', async () => {
    const id = ids[2]!
    await page.focus(`tr#${id}`)
    await reloadAfter(() => page.keyboard.press('r'))
    const entry = entries()[id]!
    assert.equal(entry.state, 'reviewed')
    const recorded = JSON.stringify(entry)
    assert.ok(recorded.includes(reviewer), 'the reviewer is recorded')
    assert.ok(recorded.includes(new Date().toISOString().slice(0, 10)), 'the date is recorded')
    assert.match(await page.$eval('#pp-live-summary', (el) => el.textContent!), /1 reviewed/)
  })

  it('should add a comment to the entry in the file', async () => {
    const id = ids[2]!
    await page.click(`tr#${id} .pp-review button[aria-label="Comment ${id}"]`)
    await fill(`#pp-comment-${id}`, 'Vérifier la traduction du titre.')
    await reloadAfter(() => page.click(`tr#${id} .pp-comment button[aria-keyshortcuts="Control+Enter"]`))
    const comments = entries()[id]!.comments as { author: string; text: string; resolved: boolean }[]
    assert.equal(comments.length, 1)
    assert.equal(comments[0]!.text, 'Vérifier la traduction du titre.')
    assert.equal(comments[0]!.author, reviewer)
    assert.match(await page.$eval(`tr#${id} .pp-comments`, (el) => el.textContent!), /Vérifier la traduction/)
    // The comment travels: onto the static review page a build writes, and into an XLIFF 2 export.
    const built = press(dir, ['build', '--format', 'html', '--lang', 'fr', '--out', 'static'])
    assert.equal(built.status, 0, built.stderr)
    const review = readFileSync(join(dir, 'static', publicationId, 'review', 'en-fr.html'), 'utf8')
    assert.match(review, /Vérifier la traduction du titre\./)
    assert.match(review, new RegExp(reviewer))
    const xliff = press(dir, ['export', '--lang', 'fr', '--format', 'xliff2'])
    assert.equal(xliff.status, 0, xliff.stderr)
    assert.match(xliff.stdout, /<note\b[^>]*>[^<]*Vérifier la traduction du titre\./)
  })

  it('should refuse a save over a change made on disk meanwhile, show both texts and lose nothing', async () => {
    const id = ids[3]!
    await page.click(`tr#${id} .pp-review button[aria-keyshortcuts="E"]`)
    const mine = 'Ma version de ce paragraphe, écrite dans la page.'
    await fill(`#pp-edit-${id}`, mine)
    const theirs = 'La version du traducteur, enregistrée entre-temps sur le disque.'
    editOnDisk(id, theirs)
    await page.waitForFunction(() => /reloads when you close/.test(document.getElementById('pp-preview-state')!.textContent!), {
      timeout: 90_000,
    })
    await ctrlEnter(`#pp-edit-${id}`)
    await page.waitForSelector(`tr#${id} .pp-conflict`)
    assert.equal(await page.$eval(`tr#${id} .pp-theirs`, (el) => el.textContent), theirs)
    assert.equal(await page.$eval(`tr#${id} .pp-mine`, (el) => el.textContent), mine)
    assert.equal(entries()[id]!.text, theirs, 'the file keeps the text saved on disk')
    await reloadAfter(() => page.$$eval(`tr#${id} .pp-conflict button`, (bs) => bs.find((b) => b.textContent === 'Keep mine')!.click()))
    assert.equal(entries()[id]!.text, mine, '"Keep mine" writes mine over theirs, knowingly')
  })

  it('should refuse writes with a wrong or missing token or another origin (403), writing nothing', async () => {
    const before = raw()
    const body = JSON.stringify({
      publication: publicationId,
      language: 'fr',
      id: ids[4],
      expected: 'x',
      action: { kind: 'edit', text: 'Pirate' },
    })
    const origin = `http://${preview.host}`
    const headers = { 'content-type': 'application/json', origin, host: preview.host }
    const post = (extra: Record<string, string>): Promise<{ status: number }> =>
      rawRequest(preview.url, { method: 'POST', path: '/__press/decision', headers: { ...headers, ...extra }, body })
    assert.equal((await post({})).status, 403)
    assert.equal((await post({ 'x-press-token': 'wrong' })).status, 403)
    assert.equal((await post({ 'x-press-token': preview.token, origin: 'http://evil.example' })).status, 403)
    assert.equal((await post({ 'x-press-token': preview.token, host: 'evil.example:80', origin: 'http://evil.example:80' })).status, 421)
    assert.equal(raw(), before)
  })

  it('should serve nothing outside dist/: traversal, encoded dots and symbolic links are 404', async () => {
    symlinkSync(join(dir, file), join(dir, 'dist', 'leak.json'))
    for (const path of [
      '/../package.json',
      '/%2e%2e/package.json',
      '/%2E%2E%2Fpackage.json',
      '/..%2f..%2fpackage.json',
      `/${publicationId}/../../translations/fr/ui.json`,
      `/${publicationId}/%2e%2e/%2e%2e/${file}`,
      '/..%5c..%5cpackage.json',
      '/leak.json',
    ]) {
      assert.equal((await rawRequest(preview.url, { path, headers: { host: preview.host } })).status, 404, path)
    }
    assert.equal((await rawRequest(preview.url, { path: edition, headers: { host: preview.host } })).status, 200)
    assert.equal((await rawRequest(preview.url, { path: edition, headers: { host: 'rebinding.example' } })).status, 421)
  })

  it('should keep the review page accessible with its controls (axe: no serious findings)', async () => {
    const tab = await browser.newPage()
    await tab.setBypassCSP(true) // to inject axe; the page's own scripts run by their nonce either way
    const audit = async (): Promise<string[]> => {
      await tab.goto(preview.url + reviewPage.slice(1), { waitUntil: 'load' })
      await ready(tab)
      await tab.addScriptTag({ path: createRequire(import.meta.url).resolve('axe-core/axe.min.js') })
      return tab.evaluate(async () => {
        const axe = (globalThis as unknown as { axe: { run(): Promise<{ violations: { id: string; impact: string }[] }> } }).axe
        return (await axe.run()).violations.map((v) => `${v.impact} ${v.id}`)
      })
    }
    // The earlier saves start rebuilds, and each reloads the page: audit once the server has been quiet for a while,
    // and once more if a reload still takes the document away under axe.
    await settled(builds, 3_000)
    const reloaded = /context|navigat|detached|does not belong to the document|Target closed/i
    const violations = await audit().catch(async (error: unknown) => {
      if (!reloaded.test(String(error))) throw error
      await settled(builds, 3_000)
      return audit()
    })
    await tab.close()
    assert.deepEqual(
      violations.filter((v) => /^(serious|critical)/.test(v)),
      [],
    )
  })

  it('should stop cleanly on Ctrl-C', async () => {
    assert.equal(await preview.stop(), 0)
    assert.match(preview.output(), /Stopped the preview server/)
  })
})
