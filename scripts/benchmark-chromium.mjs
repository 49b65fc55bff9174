#!/usr/bin/env node
// The raw-Chromium baseline of scripts/benchmark.ts: prints every print HTML
// file of a folder (kept by a `press build --format pdf` with
// PRESS_KEEP_PRINT_HTML: each document as the paginator left it, its fonts as
// local files, so the same pages with the same fonts) in the same Chromium,
// with the same arguments, headless mode, transport (a pipe) and page.pdf options and two
// pages at a time, like the PDF stage, but with no pagination, no request
// interception and no post-processing.
// Usage: node scripts/benchmark-chromium.mjs <html-dir> <out-dir>
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import puppeteer from 'puppeteer-core'
import { chromiumArgs, findChromium, isHeadlessShell } from '../lib/outputs/pdf/browser.js'

const [htmlDir, outDir] = process.argv.slice(2)
if (!htmlDir || !outDir) throw new Error('usage: node scripts/benchmark-chromium.mjs <html-dir> <out-dir>')
mkdirSync(outDir, { recursive: true })
const files = readdirSync(htmlDir).filter((name) => name.endsWith('.html'))
const executablePath = findChromium()
const browser = await puppeteer.launch({
  executablePath,
  headless: isHeadlessShell(executablePath) ? 'shell' : true,
  pipe: true,
  args: chromiumArgs(),
  timeout: 60_000,
})
try {
  let next = 0
  const worker = async () => {
    while (next < files.length) {
      const name = files[next++]
      const page = await browser.newPage()
      await page.emulateMediaType('print')
      await page.setViewport({ width: 1200, height: 1600 })
      await page.goto(pathToFileURL(join(htmlDir, name)).href, { waitUntil: 'load', timeout: 60_000 })
      const pdf = await page.pdf({ tagged: true, outline: true, preferCSSPageSize: true, printBackground: true, timeout: 120_000 })
      writeFileSync(join(outDir, name.replace(/\.html$/, '.pdf')), pdf)
      await page.close()
    }
  }
  await Promise.all([worker(), worker()])
} finally {
  await browser.close()
}
