/** The Chromium the tests drive: the one the build discovers, with the same flags. */
import { createRequire } from 'node:module'
import puppeteer, { type Browser } from 'puppeteer-core'
import { chromiumArgs, findChromium, isHeadlessShell } from '../../src/outputs/pdf/browser.ts'

export function chromiumPath(): string {
  const path = findChromium()
  if (!path) throw new Error('No Chromium found: `npm test` installs it on Debian (scripts/setup.mjs), or set PUPPETEER_EXECUTABLE_PATH.')
  return path
}

export function launchBrowser(): Promise<Browser> {
  const executablePath = chromiumPath()
  return puppeteer.launch({ executablePath, headless: isHeadlessShell(executablePath) ? 'shell' : true, args: chromiumArgs() })
}

export interface AxeViolation {
  id: string
  impact: string
  nodes: number
}

/** axe-core's violations on the page at `url`, run in Chromium. */
export async function axeViolations(browser: Browser, url: string): Promise<AxeViolation[]> {
  const tab = await browser.newPage()
  try {
    await tab.setBypassCSP(true) // review pages allow only their own script; axe is injected by the test
    await tab.goto(url, { waitUntil: 'load' })
    await tab.evaluate(() => document.fonts.ready)
    await tab.addScriptTag({ path: createRequire(import.meta.url).resolve('axe-core/axe.min.js') })
    return await tab.evaluate(async () => {
      const result = await (
        globalThis as unknown as { axe: { run(): Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }> } }
      ).axe.run()
      return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length }))
    })
  } finally {
    await tab.close()
  }
}

export const serious = (violations: AxeViolation[]): AxeViolation[] =>
  violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
