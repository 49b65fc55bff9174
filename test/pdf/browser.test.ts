import assert from 'node:assert/strict'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { describe, it } from 'node:test'
import { chromiumArgs, findChromium, isHeadlessShell } from '../../src/outputs/pdf/browser.ts'
import { BrowserSession } from '../../src/outputs/pdf/session.ts'
import { PageResources, PRESS_ORIGIN } from '../../src/outputs/pdf/resources.ts'
import { mapBounded, withTimeout } from '../../src/util/async.ts'

describe('the PDF browser', () => {
  it('should prefer PUPPETEER_EXECUTABLE_PATH, then CHROME_PATH, then a headless shell, then chromium on the machine', () => {
    const bin = process.execPath // any existing file stands in for a browser
    assert.equal(findChromium({ PUPPETEER_EXECUTABLE_PATH: bin, CHROME_PATH: '/nonexistent' }), bin)
    assert.equal(findChromium({ CHROME_PATH: bin }), bin)
    // The headless shell npm test installs on Debian, as its binary (not /usr/bin's wrapper script), before chromium.
    assert.equal(findChromium({ PATH: '' }), '/usr/lib/chromium/chromium-headless-shell')
    assert.ok(isHeadlessShell('/usr/lib/chromium/chromium-headless-shell') && isHeadlessShell('/opt/chrome-headless-shell'))
    assert.ok(!isHeadlessShell('/usr/bin/chromium') && !isHeadlessShell('/usr/bin/google-chrome'))
    assert.throws(
      () => findChromium({ PUPPETEER_EXECUTABLE_PATH: '/nonexistent', PATH: '' }),
      /PUPPETEER_EXECUTABLE_PATH is set to \/nonexistent/,
    )
  })

  it('should run without a sandbox only as root, and without background networking', () => {
    assert.ok(chromiumArgs(true).includes('--no-sandbox'))
    assert.ok(!chromiumArgs(false).includes('--no-sandbox'))
    for (const flag of [
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-gpu',
    ])
      assert.ok(chromiumArgs(false).includes(flag))
  })

  it('should serve a page only what its resources hold, from memory, and block every other request', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'press-net-'))
    const local = join(dir, 'local.css')
    writeFileSync(local, 'p { color: red }')
    const resources = new PageResources()
    resources.text('style.css', 'p { color: blue }')
    const url = resources.text(
      'page.html',
      '<!doctype html><link rel="stylesheet" href="style.css"><link rel="stylesheet" href="http://127.0.0.1:9/x.css">' +
        `<link rel="stylesheet" href="${pathToFileURL(local).href}"><img src="https://example.com/x.png"><img src="missing.png"><p>x</p>`,
    )
    const log: string[] = []
    const session = new BrowserSession({ log: (u, answer) => log.push(`${answer} ${u}`) })
    try {
      const color = await session.withPage(resources, async (page) => {
        await page.goto(url, { waitUntil: 'load' })
        return page.evaluate(() => getComputedStyle(document.querySelector('p')!).color)
      })
      assert.equal(color, 'rgb(0, 0, 255)')
    } finally {
      await session.close()
    }
    assert.deepEqual(log.filter((l) => l.startsWith('fulfilled')).sort(), [
      `fulfilled ${PRESS_ORIGIN}page.html`,
      `fulfilled ${PRESS_ORIGIN}style.css`,
    ])
    // A file: URL from an https page is refused by Chromium itself, before any request; the favicon, when Chromium
    // asks for it before the page closes, is refused too.
    const failed = log.filter((l) => l.startsWith('failed') && !l.includes('file:') && !l.endsWith('/favicon.ico')).sort()
    assert.deepEqual(
      failed,
      [`failed ${PRESS_ORIGIN}missing.png`, 'failed http://127.0.0.1:9/x.css', 'failed https://example.com/x.png'].sort(),
    )
  })

  it('should render at most two editions at a time, in input order', async () => {
    let running = 0
    let most = 0
    const results = await mapBounded([1, 2, 3, 4, 5], 2, async (n) => {
      most = Math.max(most, ++running)
      await new Promise((resolve) => setTimeout(resolve, 10 * (6 - n)))
      running--
      return n * 10
    })
    assert.deepEqual(results, [10, 20, 30, 40, 50])
    assert.equal(most, 2)
  })

  it('should stop waiting after the timeout with the error it is given', async () => {
    await assert.rejects(
      withTimeout(new Promise(() => {}), 20, () => 'the ar PDF took too long'),
      /the ar PDF took too long/,
    )
  })
})
