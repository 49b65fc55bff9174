/**
 * One headless Chromium for a whole build, found on the machine (never
 * downloaded). Pages it opens may load local files under the allowed folders
 * and data: URLs; every other request is aborted, so a build never reaches
 * the network.
 */
import { existsSync } from 'node:fs'
import { delimiter, join, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import puppeteer, { type Browser, type Page } from 'puppeteer-core'
import { problem, PressError } from '../../util/problems.ts'

const candidates = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable']

/**
 * The Chromium to use: PUPPETEER_EXECUTABLE_PATH, CHROME_PATH, then the usual names on PATH.
 * A variable that is set must name an existing file: it is an error, not a reason to pick another browser.
 */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | undefined {
  for (const name of ['PUPPETEER_EXECUTABLE_PATH', 'CHROME_PATH'] as const) {
    const value = env[name]
    if (!value) continue
    if (existsSync(value)) return value
    throw new PressError(
      problem(`${name} is set to ${value}, but there is no such file.`, {
        file: value,
        hint: `Point ${name} at a Chromium or Chrome binary (e.g. /usr/bin/chromium), or unset it to use the one found on PATH.`,
        ruleId: 'no-browser',
      }),
    )
  }
  const dirs = ['/usr/bin', ...(env.PATH ?? '').split(delimiter).filter(Boolean)]
  for (const name of candidates) {
    for (const dir of dirs) {
      const path = join(dir, name)
      if (existsSync(path)) return path
    }
  }
  return undefined
}

export function chromiumArgs(isRoot: boolean = process.getuid?.() === 0): string[] {
  return [
    ...(isRoot ? ['--no-sandbox'] : []),
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-gpu',
    '--disable-extensions',
    '--font-render-hinting=none',
  ]
}

/** Launches at the first use; `close()` is a no-op when never launched. */
export class BrowserSession {
  #browser: Promise<Browser> | undefined

  browser(): Promise<Browser> {
    this.#browser ??= launch()
    return this.#browser
  }

  /**
   * A page that may only load files under `allowedDirs` (and data: URLs).
   * Every request pauses in Chromium's Fetch domain on a session of our own
   * and is continued or failed with one message: puppeteer's request
   * interception (an HTTPRequest object per request, the cache turned off)
   * is not needed for that.
   */
  async page(allowedDirs: readonly string[]): Promise<Page> {
    const page = await (await this.browser()).newPage()
    const roots = allowedDirs.map((dir) => resolve(dir) + sep)
    const client = await page.createCDPSession()
    client.on('Fetch.requestPaused', (event) => {
      const answer = isAllowed(event.request.url, roots)
        ? client.send('Fetch.continueRequest', { requestId: event.requestId })
        : client.send('Fetch.failRequest', { requestId: event.requestId, errorReason: 'BlockedByClient' })
      answer.catch(() => undefined) // the page closed meanwhile
    })
    await client.send('Fetch.enable', { patterns: [{ urlPattern: '*', requestStage: 'Request' }] })
    return page
  }

  async close(): Promise<void> {
    if (!this.#browser) return
    const browser = await this.#browser.catch(() => undefined)
    this.#browser = undefined
    await browser?.close()
  }
}

export function isAllowed(url: string, roots: readonly string[]): boolean {
  if (url.startsWith('data:')) return true
  if (!url.startsWith('file://')) return false
  const path = resolve(fileURLToPath(url))
  return roots.some((root) => path.startsWith(root))
}

async function launch(): Promise<Browser> {
  const executablePath = findChromium()
  if (!executablePath) {
    throw new PressError(
      problem('No Chromium or Chrome found to render the PDF editions.', {
        file: 'chromium',
        hint:
          'Install one (Debian/Ubuntu: `sudo apt-get install chromium`; `npm run build` does it for you as root), ' +
          'or set PUPPETEER_EXECUTABLE_PATH to a Chromium/Chrome binary. Or build without PDF: `press build --format html`.',
        ruleId: 'no-browser',
      }),
    )
  }
  try {
    return await puppeteer.launch({ executablePath, headless: true, args: chromiumArgs(), timeout: 60_000 })
  } catch (error) {
    throw new PressError(
      problem(`Could not start ${executablePath}: ${(error as Error).message.split('\n')[0]}`, {
        file: executablePath,
        hint: 'Check that this browser runs (`chromium --headless --version`), or point PUPPETEER_EXECUTABLE_PATH at another.',
        ruleId: 'browser-launch',
      }),
    )
  }
}
