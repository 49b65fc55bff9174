/**
 * The browsers of one build: the local Chromium (launched at the first page)
 * or a pool of DevTools endpoints (`--browser-url`, connected at the first
 * page). At most `pages` pages are open at once (the rest wait their turn, so
 * the work around a render, such as post-processing, overlaps the next one);
 * each goes to the member with the fewest pages open. Every page
 * is served from memory through one Fetch handler (a Map lookup per request):
 * requests for anything not in its PageResources fail, so no request leaves
 * for the network or the renderer's disk, local or remote alike.
 *
 * A render that loses its browser (crashed, connection closed) reconnects and
 * runs once more; a second loss fails naming the endpoint.
 */
import type { Browser, CDPSession, Page } from 'puppeteer-core'
import { problem, PressError } from '../../util/problems.ts'
import { openBrowser } from './browser.ts'
import { cpuMark } from '../../util/cpu-report.ts'
import type { PageResources } from './resources.ts'
import { Slots } from '../../util/async.ts'

interface Member {
  /** undefined: the local Chromium. */
  endpoint: string | undefined
  browser: Promise<Browser> | undefined
  open: number
}

/** What a page reported: every request and how it was answered (for tests and `--debug`). */
export type RequestLog = (url: string, answer: 'fulfilled' | 'failed') => void

export interface SessionOptions {
  /** DevTools endpoints (ws:// or http://); none: launch Chromium here. */
  endpoints?: readonly string[]
  /** Pages open at once over the whole pool (`--jobs`; default 2). */
  pages?: number
  log?: RequestLog
}

class LostBrowser extends Error {}

export class BrowserSession {
  readonly #members: Member[]
  readonly #log: RequestLog | undefined
  readonly #pages: Slots
  readonly #documents: Slots

  constructor(options: SessionOptions = {}) {
    const endpoints = options.endpoints?.length ? options.endpoints : [undefined]
    this.#members = endpoints.map((endpoint) => ({ endpoint, browser: undefined, open: 0 }))
    this.#log = options.log
    const pages = Math.max(1, options.pages ?? 2)
    this.#pages = new Slots(pages)
    this.#documents = new Slots(2 * pages)
  }

  /**
   * Run `work` (build one document, render it, post-process it) when fewer than twice as many documents as pages
   * are in progress over the whole session: one's post-processing still overlaps the next one's render, but the
   * PDF and parallel-text batches, which run at once, no longer each hold that many print documents, rendered
   * PDFs and qpdf readings (at 100× the bundled publication, about 10 MB apiece and as much again in garbage).
   */
  document<T>(work: () => Promise<T>): Promise<T> {
    return this.#documents.run(work)
  }

  /** Browsers in the pool (1 for the local one). */
  get size(): number {
    return this.#members.length
  }

  /**
   * Run `work` on a fresh page whose requests are answered from `resources`
   * (closed afterwards), on the least busy browser; once more after a lost connection.
   */
  async withPage<T>(resources: PageResources, work: (page: Page) => Promise<T>): Promise<T> {
    await resources.ready()
    return this.#pages.run(async () => {
      const member = this.#members.reduce((best, m) => (m.open < best.open ? m : best))
      member.open++
      try {
        for (let attempt = 1; ; attempt++) {
          let page: Page | undefined
          try {
            page = await this.#page(member, resources)
            return await work(page)
          } catch (error) {
            if (!(await this.#lost(member, error))) throw error
            if (attempt === 2) throw lostError(member.endpoint, error as Error)
          } finally {
            page?.close().catch(() => undefined)
          }
        }
      } finally {
        member.open--
      }
    })
  }

  async close(): Promise<void> {
    await Promise.all(
      this.#members.map(async (member) => {
        const browser = await member.browser?.catch(() => undefined)
        member.browser = undefined
        if (!browser) return
        // A pool's browsers belong to someone else: only our connection ends.
        if (member.endpoint === undefined) {
          cpuMark('browser-close') // the children's CPU before it: qpdf's; after: Chromium's too (PRESS_REPORT_CPU)
          await browser.close()
        } else await browser.disconnect()
      }),
    )
  }

  /**
   * Launch (or connect to) every browser of the pool now, before the first page asks for one, so that the start
   * overlaps the build's work before its first PDF. A failure shows at the first page, as without it.
   */
  warm(): void {
    for (const member of this.#members) this.#browser(member).catch(() => undefined)
  }

  #browser(member: Member): Promise<Browser> {
    member.browser ??= openBrowser(member.endpoint).catch((error: unknown) => {
      if (member.endpoint === undefined) throw error // the local Chromium's own message (PressError)
      throw new LostBrowser((error as Error).message)
    })
    return member.browser
  }

  async #page(member: Member, resources: PageResources): Promise<Page> {
    const page = await (await this.#browser(member)).newPage()
    const client = await page.createCDPSession()
    serve(client, resources, this.#log)
    await client.send('Fetch.enable', { patterns: [{ urlPattern: '*', requestStage: 'Request' }] })
    return page
  }

  /**
   * Whether `error` means the page or its browser went away (rather than a fault of the document);
   * a browser that is gone is forgotten, to be reconnected (or relaunched) by the next page.
   */
  async #lost(member: Member, error: unknown): Promise<boolean> {
    if (error instanceof PressError) return false
    const browser = await member.browser?.catch(() => undefined)
    const gone = error instanceof LostBrowser || !browser?.connected
    if (gone) {
      member.browser = undefined
      if (member.endpoint === undefined) browser?.close().catch(() => undefined)
      return true
    }
    return /Connection closed|Target closed|Session closed|Target crashed|WebSocket|ECONNRESET|socket hang up/i.test(
      (error as Error).message,
    )
  }
}

/** Answer every request of the page from `resources`, or fail it. */
function serve(client: CDPSession, resources: PageResources, log: RequestLog | undefined): void {
  client.on('Fetch.requestPaused', ({ requestId, request }) => {
    const response = request.method === 'GET' ? resources.get(request.url) : undefined
    log?.(request.url, response ? 'fulfilled' : 'failed')
    const answer = response
      ? client.send('Fetch.fulfillRequest', { requestId, responseCode: 200, responseHeaders: response.headers, body: response.body })
      : client.send('Fetch.failRequest', { requestId, errorReason: 'BlockedByClient' })
    answer.catch(() => undefined) // the page closed meanwhile
  })
}

function lostError(endpoint: string | undefined, error: Error): PressError {
  const where = endpoint ?? 'the local Chromium'
  const reason = error.message.split('\n')[0]
  const what =
    error instanceof LostBrowser
      ? `Could not connect to the browser at ${where} (tried twice): ${reason}`
      : `Lost the browser at ${where} twice while rendering a PDF: ${reason}`
  return new PressError(
    problem(what, {
      file: endpoint ?? 'chromium',
      hint:
        endpoint === undefined
          ? 'Check that Chromium runs on this machine (`chromium --headless --version`) and has memory enough.'
          : 'Check that this DevTools endpoint is up and reachable from here (`--browser-url` / PRESS_BROWSER_URL), ' +
            'or leave it out to use the local Chromium.',
      ruleId: 'browser-lost',
    }),
  )
}
