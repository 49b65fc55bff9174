/** Chromium for the review-page tests: found on the machine, never downloaded. */
import { existsSync } from 'node:fs'
import { delimiter, join } from 'node:path'
import puppeteer, { type Browser } from 'puppeteer-core'

export function chromiumPath(): string {
  const fromEnv = process.env.PUPPETEER_EXECUTABLE_PATH ?? process.env.CHROME_PATH
  if (fromEnv && existsSync(fromEnv)) return fromEnv
  const dirs = ['/usr/bin', ...(process.env.PATH ?? '').split(delimiter).filter(Boolean)]
  for (const name of ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable']) {
    for (const dir of dirs) if (existsSync(join(dir, name))) return join(dir, name)
  }
  throw new Error('No Chromium found: install it (scripts/setup.mjs) or set PUPPETEER_EXECUTABLE_PATH.')
}

export function launch(): Promise<Browser> {
  const root = process.getuid?.() === 0
  return puppeteer.launch({ executablePath: chromiumPath(), headless: true, args: [...(root ? ['--no-sandbox'] : []), '--disable-gpu', '--no-first-run'] })
}
