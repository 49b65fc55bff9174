/**
 * Server-sent events to the open pages: build started, a page or PDF written,
 * built (which other files changed), problems, and the background (EPUB, PDF) state. A page that
 * connects gets the current state at once.
 */
import type { ServerResponse } from 'node:http'

export interface ProblemView {
  file: string
  line?: number
  column?: number
  message: string
  hint?: string
}

export type PreviewEvent =
  | { type: 'building'; lane: Lane }
  /** Files a build still running has written (pages and PDFs, as soon as each is written). */
  | { type: 'written'; lane: Lane; build: number; files: string[] }
  /** A build ended: the files it wrote whose bytes changed (and were not announced by `written`). */
  | { type: 'built'; lane: Lane; build: number; files: string[] }
  /** A build ended on problems (shown by a `problems` event, or for the background lane its `failed` state). */
  | { type: 'failed'; lane: Lane; build: number }
  | { type: 'problems'; problems: ProblemView[] }
  | { type: 'background'; state: 'updating' | 'ready' | 'failed'; formats: string[] }

export type Lane = 'fast' | 'background'

export class EventHub {
  readonly #clients = new Set<ServerResponse>()
  #last: { problems?: PreviewEvent; background?: PreviewEvent } = {}

  connect(response: ServerResponse): void {
    response.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      'x-content-type-options': 'nosniff',
    })
    response.write('retry: 500\n\n')
    for (const event of [this.#last.problems, this.#last.background]) if (event) send(response, event)
    this.#clients.add(response)
    response.on('close', () => this.#clients.delete(response))
  }

  /** Is a page connected? */
  listening(): boolean {
    return this.#clients.size > 0
  }

  publish(event: PreviewEvent): void {
    if (event.type === 'problems') this.#last.problems = event
    if (event.type === 'background') this.#last.background = event
    for (const client of this.#clients) send(client, event)
  }

  close(): void {
    for (const client of this.#clients) client.end()
    this.#clients.clear()
  }
}

function send(response: ServerResponse, event: PreviewEvent): void {
  response.write(`data: ${JSON.stringify(event)}\n\n`)
}
