/**
 * The Chromium of a build: found on the machine (never downloaded) and
 * launched, or an existing browser reached over the DevTools protocol
 * (`--browser-url`). Pages are served from memory (src/outputs/pdf/resources.ts)
 * by the session (src/outputs/pdf/session.ts).
 */
import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { basename, delimiter, join } from 'node:path'
import puppeteer, { type Browser } from 'puppeteer-core'
import { removeAtExit } from '../../util/exit-cleanup.ts'
import { problem, PressError } from '../../util/problems.ts'

/**
 * Chromium's old headless shell (Debian's chromium-headless-shell, Puppeteer's chrome-headless-shell) first: the same
 * Blink and the same PDFs, without the full browser's services, for about half its CPU. Debian's
 * /usr/bin/chromium-headless-shell is a shell script that runs /usr/lib/chromium's binary as its child: the binary
 * itself is taken, so the browser is the process launched (it exits when its pipe closes).
 */
const shells = ['chromium-headless-shell', 'chrome-headless-shell']
const candidates = [...shells, 'chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable']

/** Whether `path` is a headless shell (launched as `headless: 'shell'`), not a full browser (`headless: true`). */
export function isHeadlessShell(path: string): boolean {
  return shells.includes(basename(path).replace(/\.exe$/i, ''))
}

/**
 * The Chromium to use: PUPPETEER_EXECUTABLE_PATH, CHROME_PATH, then a headless shell, then the usual names on PATH.
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
    for (const dir of shells.includes(name) ? ['/usr/lib/chromium', ...dirs] : dirs) {
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

/**
 * A browser on this machine: launched (`endpoint` undefined) or connected to over DevTools. No protocol call has a
 * fixed time limit (puppeteer's is 180 s, which a long document's pagination outgrows): each PDF's render is bounded
 * by a time that grows with its print HTML (`pdfTimeout` in index.ts).
 */
export async function openBrowser(endpoint: string | undefined): Promise<Browser> {
  if (endpoint === undefined) return launch()
  const target = endpoint.startsWith('ws') ? { browserWSEndpoint: endpoint } : { browserURL: endpoint }
  return puppeteer.connect({ ...target, defaultViewport: null, protocolTimeout: 0 })
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
  // The browser's profile is ours, not puppeteer's temporary one: puppeteer removes its own only when the browser
  // closes normally, so a build stopped by a signal left one behind in the temporary folder every time.
  const profile = await mkdtemp(join(tmpdir(), 'press-chromium-'))
  let browser: Browser | undefined
  const forget = removeAtExit(profile, () => browser?.process()?.kill('SIGKILL'))
  const removeProfile = (): void => {
    forget()
    void rm(profile, { recursive: true, force: true, maxRetries: 3 }).catch(() => undefined)
  }
  try {
    // Over a pipe, not a WebSocket on a port: Chromium exits when the pipe closes, so a build killed with -9 leaves no
    // browser running (on a port it would live on, orphaned, with its renderers).
    browser = await puppeteer.launch({
      executablePath,
      headless: isHeadlessShell(executablePath) ? 'shell' : true,
      pipe: true,
      args: chromiumArgs(),
      userDataDir: profile,
      timeout: 60_000,
      protocolTimeout: 0,
      // press exits on these itself (cli/signals.ts), and puppeteer's exit handler ends the browser. Its own
      // SIGTERM and SIGHUP handlers only closed the browser: the build went on, and launched another.
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
    })
    browser.process()?.once('exit', removeProfile)
    return browser
  } catch (error) {
    removeProfile()
    throw new PressError(
      problem(`Could not start ${executablePath}: ${(error as Error).message.split('\n')[0]}`, {
        file: executablePath,
        hint: 'Check that this browser runs (`chromium --headless --version`), or point PUPPETEER_EXECUTABLE_PATH at another.',
        ruleId: 'browser-launch',
      }),
    )
  }
}
