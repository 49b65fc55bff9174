/** The Chromium the tests drive: the one the build discovers, with the same flags. */
import puppeteer, { type Browser } from 'puppeteer-core'
import { chromiumArgs, findChromium } from '../../src/pdf/browser.ts'

export function chromiumPath(): string {
  const path = findChromium()
  if (!path) throw new Error('No Chromium found: `npm test` installs it on Debian (scripts/setup.mjs), or set PUPPETEER_EXECUTABLE_PATH.')
  return path
}

export function launchBrowser(): Promise<Browser> {
  return puppeteer.launch({ executablePath: chromiumPath(), headless: true, args: chromiumArgs() })
}
