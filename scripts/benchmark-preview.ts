/**
 * `npx tsx scripts/benchmark.ts preview`: save-to-reload times of `press preview`
 * (compiled CLI) in a copy of the project, French only: from writing an entry of
 * the fr translation file to (a) the open HTML edition in Chromium showing the new
 * text after its reload (goal ≤ 1 s), also (a′) the server announcing the written
 * page, and (b) the server announcing the rebuilt fr PDF (its background lane),
 * which is when the PDF view reloads. Each save starts from an idle server. Wall
 * seconds, median of the runs.
 */
import { request } from 'node:http'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { launchBrowser } from '../test/helpers/browser.ts'
import { startPreview } from '../test/helpers/preview.ts'
import { median, projectCopy, row, seconds, type Mode } from './benchmark-lib.ts'

const publication = 'wuzhen-outlook-2019'

interface PreviewEvent {
  type: string
  files?: string[]
  state?: string
}

/** Resolves with the time the server sends an event for which `wanted` holds. */
function nextEvent(url: string, wanted: (event: PreviewEvent) => boolean): { done: Promise<number>; close(): void } {
  let close = (): void => undefined
  const done = new Promise<number>((resolve) => {
    const { hostname, port } = new URL(url)
    const req = request({ host: hostname, port, path: '/__press/events' }, (res) => {
      let buffer = ''
      res.on('data', (chunk: Buffer) => {
        buffer += chunk.toString()
        for (const line of buffer.split('\n')) {
          if (line.startsWith('data: ') && wanted(JSON.parse(line.slice(6)) as PreviewEvent)) resolve(performance.now())
        }
        buffer = buffer.slice(buffer.lastIndexOf('\n') + 1)
      })
    })
    req.end()
    close = () => req.destroy()
  })
  return { done, close: () => close() }
}

/** A page or PDF written (announced at once) or a build's other changed files. */
const wrote = (file: string) => (event: PreviewEvent) =>
  (event.type === 'written' || event.type === 'built') && event.files?.includes(file) === true
/** The background lane is idle (a page that connects is told its state at once). */
const idle = (event: PreviewEvent) => event.type === 'background' && event.state !== 'updating'
/** The background lane went busy and then idle again. */
function busyThenIdle(): (event: PreviewEvent) => boolean {
  let busy = false
  return (event) => {
    if (event.type === 'background' && event.state === 'updating') busy = true
    return busy && idle(event)
  }
}

export const previewMode: Mode = {
  name: 'preview',
  description: 'press preview: save-to-reload time of the fr HTML edition and the fr PDF',
  defaultRuns: 3,
  async run({ runs, print }) {
    const dir = projectCopy()
    const preview = await startPreview(dir, ['--format', 'html,pdf', '--lang', 'en,fr', '--reviewer', 'Benchmark'])
    const browser = await launchBrowser()
    const html: number[] = []
    const written: number[] = []
    const pdf: number[] = []
    try {
      const page = await browser.newPage()
      await page.goto(`${preview.url}${publication}/fr/index.html`, { waitUntil: 'load' })
      const path = join(dir, 'translations', 'fr', `${publication}.json`)
      const pdfFile = `/${publication}/fr/${publication}.fr.pdf`
      const htmlFile = `/${publication}/fr/index.html`
      // The first background build (every PDF of en and fr) runs after start: wait until it is done.
      let quiet = nextEvent(preview.url, idle)
      await quiet.done
      quiet.close()
      for (let run = 0; run < runs; run++) {
        const marker = `révision de mesure ${run + 1}`
        const file = JSON.parse(readFileSync(path, 'utf8')) as { entries: Record<string, { text: string }> }
        const entry = Object.values(file.entries).find((e) => e.text !== '')!
        entry.text = `${entry.text.replace(/ \(révision de mesure \d+\)$/, '')} (${marker})`
        const htmlWritten = nextEvent(preview.url, wrote(htmlFile))
        const pdfWritten = nextEvent(preview.url, wrote(pdfFile))
        quiet = nextEvent(preview.url, busyThenIdle())
        const saved = performance.now()
        writeFileSync(path, JSON.stringify(file, null, 2) + '\n')
        // Read the text every 20 ms (an evaluation the reload interrupts counts as not yet): a wait armed in the old
        // document is slow to move across the navigation on a loaded machine.
        const shows = () => page.evaluate((m) => document.body.textContent!.includes(m), marker).catch(() => false)
        while (!(await shows())) await new Promise((resolve) => setTimeout(resolve, 20))
        html.push((performance.now() - saved) / 1000)
        written.push(((await htmlWritten.done) - saved) / 1000)
        pdf.push(((await pdfWritten.done) - saved) / 1000)
        // Each save starts from an idle server: the next one waits for the background lane (the parallel PDF) to end.
        await quiet.done
        for (const e of [htmlWritten, pdfWritten, quiet]) e.close()
      }
    } finally {
      await browser.close()
      await preview.stop()
    }
    print(`press preview (${runs} saves of one fr entry; wall seconds, median)`)
    const all = (values: number[]): string => values.map((s) => s.toFixed(2)).join(', ')
    print(row('  save → HTML page reloaded', `${seconds(median(html))} wall`, `(${all(html)}; goal ≤ 1 s)`))
    print(row('  save → page written (server)', `${seconds(median(written))} wall`, `(${written.map((s) => s.toFixed(2)).join(', ')})`))
    print(row('  save → PDF rebuilt', `${seconds(median(pdf))} wall`, `(${pdf.map((s) => s.toFixed(2)).join(', ')})`))
  },
}
