/**
 * Remote browsers (`--browser-url`): a second Chromium, started here on
 * 127.0.0.1 with its own profile, stands for a pool on another machine. It
 * runs as the user nobody, and the project copy is in a folder only root can
 * read, so it cannot load a single file of the project: every byte a page
 * uses must come through the build's request interception (and the request
 * log shows that each one did).
 */
import assert from 'node:assert/strict'
import { spawn, type ChildProcess } from 'node:child_process'
import { createHash } from 'node:crypto'
import { chownSync, mkdtempSync, readFileSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { build } from '../../src/commands/build.ts'
import { chromiumArgs, findChromium } from '../../src/outputs/pdf/browser.ts'
import { PageResources, PRESS_ORIGIN } from '../../src/outputs/pdf/resources.ts'
import { BrowserSession } from '../../src/outputs/pdf/session.ts'
import { collectingLogger } from '../../src/util/logger.ts'
import { copyProject, press, publicationId } from '../helpers/project.ts'
import { SOURCE_DATE_EPOCH } from './tools.ts'

const NOBODY = 65534
const sha256 = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex')
const pdfs = [`en/${publicationId}.en.pdf`, `ar/${publicationId}.ar.pdf`, 'parallel/en-ar.pdf']

/** Chromium as nobody, in a profile of its own; resolves with its DevTools ws:// URL. */
function startRemote(): Promise<{ child: ChildProcess; url: string }> {
  const home = mkdtempSync(join(tmpdir(), 'press-remote-'))
  chownSync(home, NOBODY, NOBODY)
  const args = [
    '--headless',
    '--remote-debugging-address=127.0.0.1',
    '--remote-debugging-port=0',
    `--user-data-dir=${join(home, 'profile')}`,
    ...chromiumArgs(false),
    '--no-sandbox', // nobody has no user namespace for Chromium's sandbox in this container
    'about:blank',
  ]
  const child = spawn(findChromium()!, args, { cwd: home, uid: NOBODY, gid: NOBODY, env: { HOME: home, PATH: process.env.PATH } })
  return new Promise((resolve, reject) => {
    let seen = ''
    child.stderr!.on('data', (chunk: Buffer) => {
      seen += chunk.toString()
      const url = /DevTools listening on (ws:\/\/\S+)/.exec(seen)?.[1]
      if (url) resolve({ child, url })
    })
    child.on('exit', (code) => reject(new Error(`the remote Chromium exited (${code}): ${seen}`)))
  })
}

describe('PDFs rendered on a remote browser (--browser-url)', () => {
  let remote: { child: ChildProcess; url: string }
  let project = ''
  const requests: { url: string; answer: string }[] = []

  before(async () => {
    process.env.SOURCE_DATE_EPOCH = SOURCE_DATE_EPOCH
    project = copyProject()
    remote = await startRemote()
    // No cache: the remote build must render every PDF itself, not restore the local build's bytes.
    const options = { root: project, frozen: true, strict: false, cache: false, formats: ['pdf' as const], languages: ['en', 'ar'] }
    await build({ ...options, outDir: join(project, 'local') }, collectingLogger())
    // The same endpoint twice: a pool of two connections, three pages at once over it.
    await build(
      {
        ...options,
        outDir: join(project, 'remote'),
        browserUrls: [remote.url, remote.url],
        jobs: 3,
        requestLog: (url, answer) => requests.push({ url, answer }),
      },
      collectingLogger(),
    )
  })
  after(() => remote?.child.kill())

  it('should keep the project out of the remote browser’s reach (a folder only root can read)', () => {
    const mode = statSync(project)
    assert.equal(mode.uid, 0)
    assert.equal(mode.mode & 0o077, 0, 'the project copy is readable by others')
  })

  it('should give byte-identical PDFs on the remote browser and the local one', () => {
    for (const pdf of pdfs)
      assert.equal(sha256(join(project, 'remote', publicationId, pdf)), sha256(join(project, 'local', publicationId, pdf)), pdf)
  })

  it('should serve every request from memory at the fake origin and refuse any other', () => {
    const fulfilled = requests.filter((r) => r.answer === 'fulfilled')
    assert.ok(fulfilled.some((r) => r.url.endsWith('.html')))
    assert.ok(fulfilled.filter((r) => r.url.endsWith('.woff2')).length >= 3, 'the fonts were not served')
    for (const request of requests) assert.ok(request.url.startsWith(PRESS_ORIGIN), `a request left: ${request.url}`)
    // Only the favicon Chromium asks for of its own is refused: nothing the page needs is missing.
    assert.deepEqual(
      requests.filter((r) => r.answer !== 'fulfilled').map((r) => r.url),
      requests.filter((r) => r.url.endsWith('/favicon.ico')).map((r) => r.url),
    )
  })

  it('should reconnect and render once more after losing the connection', async () => {
    const session = new BrowserSession({ endpoints: [remote.url] })
    const resources = new PageResources()
    const url = resources.text('lost.html', '<!doctype html><p>found again</p>')
    let attempts = 0
    try {
      const text = await session.withPage(resources, async (page) => {
        attempts++
        await page.goto(url)
        if (attempts === 1) await page.browser().disconnect() // as when the network between us drops
        return page.evaluate(() => document.body.textContent)
      })
      assert.equal(text, 'found again')
      assert.equal(attempts, 2)
    } finally {
      await session.close()
    }
  })

  it('should fail naming the endpoint, without a stack trace, when the endpoint is dead', () => {
    const dead = 'ws://127.0.0.1:9/devtools/browser/none'
    const run = press(project, ['build', '--format', 'pdf', '--lang', 'en', '--out', 'dead'], { PRESS_BROWSER_URL: dead })
    assert.equal(run.status, 1, run.stderr)
    assert.ok(run.stderr.includes(dead), run.stderr)
    assert.doesNotMatch(run.stderr, /^\s+at /m)
  })

  it('should refuse a --browser-url that is not a DevTools endpoint', () => {
    const run = press(project, ['build', '--format', 'pdf', '--browser-url', 'localhost:9222'])
    assert.equal(run.status, 2, run.stderr)
    assert.match(run.stderr, /--browser-url takes a DevTools endpoint/)
  })
})
