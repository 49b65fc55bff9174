/**
 * The requests the server is answering. After a fast build announces a page it
 * waits until the reloading pages have been served (`quiet`) before it goes on:
 * the build and the server share one event loop, and the rest of the build (the
 * review page, the shared assets) would hold the reload's requests back.
 */
export class Activity {
  #open = 0
  #last = 0

  /** Track one request until its response ends (server-sent event streams are not tracked). */
  track(response: { once(event: 'close', listener: () => void): unknown }): void {
    this.#open++
    this.#last = performance.now()
    response.once('close', () => {
      this.#open--
      this.#last = performance.now()
    })
  }

  /**
   * Resolves once `firstMs` has passed and then no request has been open for `idleMs`, or after `maxMs`
   * at most.
   */
  async quiet(firstMs = 250, idleMs = 150, maxMs = 2_000): Promise<void> {
    const started = performance.now()
    const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
    await sleep(firstMs)
    while (performance.now() - started < maxMs && (this.#open > 0 || performance.now() - this.#last < idleMs)) await sleep(25)
  }
}
