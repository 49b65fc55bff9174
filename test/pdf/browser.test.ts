import assert from 'node:assert/strict'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { after, describe, it } from 'node:test'
import { BrowserSession, chromiumArgs, findChromium, isAllowed } from '../../src/outputs/pdf/browser.ts'
import { mapBounded, withTimeout } from '../../src/util/async.ts'

describe('the PDF browser', () => {
  const session = new BrowserSession()
  after(() => session.close())

  it('should prefer PUPPETEER_EXECUTABLE_PATH, then CHROME_PATH, then chromium on the machine', () => {
    const bin = process.execPath // any existing file stands in for a browser
    assert.equal(findChromium({ PUPPETEER_EXECUTABLE_PATH: bin, CHROME_PATH: '/nonexistent' }), bin)
    assert.equal(findChromium({ CHROME_PATH: bin }), bin)
    assert.equal(findChromium({ PATH: '' }), '/usr/bin/chromium')
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

  it('should allow only data: URLs and files under the allowed folders', () => {
    const roots = ['/work/dist/']
    assert.ok(isAllowed('file:///work/dist/a/b.woff2', roots))
    assert.ok(isAllowed('data:font/woff2;base64,AAAA', roots))
    assert.ok(!isAllowed('file:///etc/passwd', roots))
    assert.ok(!isAllowed('file:///work/dist/../secret', roots))
    assert.ok(!isAllowed('https://example.com/font.woff2', roots))
    assert.ok(!isAllowed('http://127.0.0.1/', roots))
  })

  it('should block every network request a page makes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'press-net-'))
    const html = join(dir, 'page.html')
    writeFileSync(
      html,
      '<!doctype html><link rel="stylesheet" href="http://127.0.0.1:9/x.css"><img src="https://example.com/x.png"><p>x</p>',
    )
    const page = await session.page([dir])
    const failed: string[] = []
    const loaded: string[] = []
    page.on('requestfailed', (request) => failed.push(`${request.url()} ${request.failure()?.errorText}`))
    page.on('requestfinished', (request) => loaded.push(request.url()))
    await page.goto(pathToFileURL(html).href, { waitUntil: 'load' })
    await page.close()
    assert.deepEqual(loaded, [pathToFileURL(html).href])
    assert.equal(failed.length, 2)
    for (const line of failed) assert.match(line, /ERR_BLOCKED_BY_CLIENT/)
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
