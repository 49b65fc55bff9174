/**
 * A signal stops press at once: SIGINT (Ctrl-C), SIGTERM (CI's timeout, `kill`), SIGHUP (a closed terminal).
 * Exit status 128 + the signal's number, as the shell reports a process ended by it (130, 143, 129); the exit
 * removes this press's locks, temporary files and work folders (util/exit-cleanup.ts) and puppeteer's own exit
 * handler ends the Chromium it launched. Without this, puppeteer's SIGTERM handler closed the browser and the
 * build went on (its next page launched another).
 */
import { constants } from 'node:os'

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const

/** Exit on these signals until the returned function is called (the preview server stops its own way). */
export function exitOnSignals(err: NodeJS.WritableStream): () => void {
  const handlers = SIGNALS.map((signal) => {
    const handler = (): void => {
      err.write(`press: stopped by ${signal}\n`)
      process.exit(128 + constants.signals[signal])
    }
    process.on(signal, handler)
    return [signal, handler] as const
  })
  return () => {
    for (const [signal, handler] of handlers) process.off(signal, handler)
  }
}

/** The first of these signals to come (the preview server waits for it, then stops its own way). */
export function nextSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    for (const signal of SIGNALS) process.once(signal, () => resolve(signal))
  })
}
