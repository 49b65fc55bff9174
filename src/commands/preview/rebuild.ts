/**
 * What to rebuild after a change, and when. Two lanes: the fast lane rebuilds
 * the HTML editions and review pages of the languages a change touches (a
 * translation file: its language; anything else: every language) and the pages
 * reload; the background lane then rebuilds the slow formats (EPUB, PDF) of the
 * same languages while the pages already show the change. A page or PDF is
 * announced as soon as it is written (a `written` event: the open page reloads
 * while the build goes on), the rest when the build ends (`built`, only the files
 * whose bytes changed). Changes that arrive during a build are merged and built
 * next; a lane never runs twice at once.
 */
import { relative, sep } from 'node:path'
import type { VFileMessage } from 'vfile-message'
import type { Format } from '../../outputs/registry.ts'
import { PressError } from '../../util/problems.ts'
import type { EventHub, Lane, ProblemView } from './events.ts'

/** All languages, or these. */
export type Languages = 'all' | Set<string>

/** The languages a batch of changed paths (relative to the root, with /) touches. */
export function touchedLanguages(paths: readonly string[]): Languages {
  const languages = new Set<string>()
  for (const path of paths) {
    const match = /^translations\/([^/]+)\/[^/]+\.json$/.exec(path)
    if (!match) return 'all'
    languages.add(match[1]!)
  }
  return languages
}

const merge = (a: Languages | undefined, b: Languages): Languages =>
  a === undefined ? b : a === 'all' || b === 'all' ? 'all' : new Set([...a, ...b])

export interface BuildRun {
  (
    request: { formats: Format[]; languages: string[] | undefined },
    problems: VFileMessage[],
    /** Told of each file the build writes, and whether its bytes changed (the build waits for what it returns). */
    written: (path: string, changed: boolean) => void | Promise<void>,
  ): Promise<{ files: string[] }>
}

/** Files a browser shows by themselves: announced as soon as they are written. */
const shownAlone = /\.(html|pdf)$/

export interface RebuilderOptions {
  formats: readonly Format[]
  distDir: string
  hub: EventHub
  run: BuildRun
  report(line: string): void
  /**
   * How long the background lane waits after a fast build (default 1000 ms): the pages that reload get the
   * machine first, and saves in a row make one EPUB/PDF build. Their views say "PDF updating…" meanwhile.
   */
  backgroundDelayMs?: number
  /** After the first page a fast build announces: resolves when the pages that reload have been served. */
  served?(): Promise<void>
}

export class Rebuilder {
  readonly #fast: Format[]
  readonly #slow: Format[]
  readonly #pending: Partial<Record<Lane, Languages>> = {}
  readonly #running: Partial<Record<Lane, Promise<void>>> = {}
  #builds = 0
  #closed = false
  /** Languages whose background build waits for the delay (or for the fast lane to be idle). */
  #deferred: Languages | undefined
  #timer: NodeJS.Timeout | undefined
  /** The pages were told the slow formats are updating (once, until they are ready again). */
  #updating = false

  constructor(readonly options: RebuilderOptions) {
    const fast = options.formats.filter((f) => f === 'html')
    this.#fast = fast.length > 0 ? fast : [...options.formats]
    this.#slow = fast.length > 0 ? options.formats.filter((f) => f !== 'html') : []
  }

  /** Rebuild for these changed paths (relative to the project root). */
  changed(paths: readonly string[]): void {
    this.#queue('fast', touchedLanguages(paths))
  }

  /** Everything, as at start. */
  all(): void {
    this.#queue('fast', 'all')
  }

  /** Resolves when the lane (default: both) is idle. */
  async idle(lane?: Lane): Promise<void> {
    const lanes: Lane[] = lane ? [lane] : ['fast', 'background']
    const waiting = (): boolean => lanes.includes('background') && this.#timer !== undefined
    while (lanes.some((l) => this.#running[l]) || waiting()) {
      const running = lanes.flatMap((l) => this.#running[l] ?? [])
      await Promise.race([...running, new Promise((resolve) => setTimeout(resolve, 50))])
    }
  }

  close(): void {
    this.#closed = true
    clearTimeout(this.#timer)
    this.#timer = undefined
  }

  /** Queue the background build of these languages after the delay, once the fast lane is idle. */
  #later(languages: Languages): void {
    this.#deferred = merge(this.#deferred, languages)
    if (!this.#updating) this.options.hub.publish({ type: 'background', state: 'updating', formats: this.#slow })
    this.#updating = true
    clearTimeout(this.#timer)
    const fire = (): void => {
      if (this.#running.fast || this.#pending.fast) return void (this.#timer = setTimeout(fire, 100))
      this.#timer = undefined
      const deferred = this.#deferred!
      this.#deferred = undefined
      this.#queue('background', deferred)
    }
    this.#timer = setTimeout(fire, this.options.backgroundDelayMs ?? 1000)
  }

  #queue(lane: Lane, languages: Languages): void {
    if (this.#closed) return
    this.#pending[lane] = merge(this.#pending[lane], languages)
    this.#running[lane] ??= this.#drain(lane).finally(() => delete this.#running[lane])
  }

  async #drain(lane: Lane): Promise<void> {
    while (!this.#closed && this.#pending[lane] !== undefined) {
      const languages = this.#pending[lane]!
      delete this.#pending[lane]
      await this.#build(lane, languages)
    }
  }

  async #build(lane: Lane, languages: Languages): Promise<void> {
    const { hub, run, distDir, report } = this.options
    const formats = lane === 'fast' ? this.#fast : this.#slow
    const list = languages === 'all' ? undefined : [...languages].sort()
    if (lane === 'fast') hub.publish({ type: 'building', lane })
    else if (!this.#updating) hub.publish({ type: 'background', state: 'updating', formats })
    if (lane === 'background') this.#updating = true
    const problems: VFileMessage[] = []
    const started = performance.now()
    const build = ++this.#builds
    const url = (file: string): string => '/' + relative(distDir, file).split(sep).join('/')
    const announced = new Set<string>()
    let firstShown: number | undefined
    const unchanged = new Set<string>()
    const written = (path: string, changed: boolean): Promise<void> | undefined => {
      if (!changed) return void unchanged.add(path)
      unchanged.delete(path)
      if (!shownAlone.test(path) || announced.has(path)) return
      // The build got this far: what failed before is fixed (the page that reloads now shows no overlay).
      if (lane === 'fast' && announced.size === 0) hub.publish({ type: 'problems', problems: [] })
      announced.add(path)
      firstShown ??= performance.now()
      hub.publish({ type: 'written', lane, build, files: [url(path)] })
      if (lane === 'fast' && announced.size === 1 && hub.listening()) return this.options.served?.()
    }
    try {
      const { files } = await run({ formats, languages: list }, problems, written)
      const fatal = problems.filter((m) => m.fatal)
      if (lane === 'fast') hub.publish({ type: 'problems', problems: fatal.map(view) })
      const rest = [...new Set(files)].filter((f) => !announced.has(f) && !unchanged.has(f))
      hub.publish({ type: 'built', lane, build, files: rest.map(url) })
      // Ready unless another background build of newer changes waits.
      if (lane === 'background' && this.#deferred === undefined && this.#pending.background === undefined) {
        this.#updating = false
        hub.publish({ type: 'background', state: 'ready', formats })
      }
      report(
        `${lane === 'fast' ? 'Rebuilt' : 'Rebuilt in the background'} ${formats.join(', ')} of ${list?.join(', ') ?? 'every language'} ` +
          `in ${((performance.now() - started) / 1000).toFixed(1)} s` +
          (firstShown === undefined ? '' : ` (first page written after ${((firstShown - started) / 1000).toFixed(2)} s)`),
      )
      if (lane === 'fast' && this.#slow.length > 0) this.#later(languages)
    } catch (error) {
      const messages = error instanceof PressError ? error.messages : []
      const shown =
        messages.length > 0 ? messages.map(view) : [{ file: '', message: error instanceof Error ? error.message : String(error) }]
      if (lane === 'background') this.#updating = false
      hub.publish(lane === 'fast' ? { type: 'problems', problems: shown } : { type: 'background', state: 'failed', formats })
      if (lane === 'background') hub.publish({ type: 'problems', problems: shown })
      hub.publish({ type: 'failed', lane, build })
      report(`The ${formats.join(', ')} build failed (${shown.length} problem${shown.length === 1 ? '' : 's'}); fix and save to try again.`)
    }
  }
}

function view(message: VFileMessage): ProblemView {
  return {
    file: message.file ?? '',
    ...(message.line === undefined ? {} : { line: message.line }),
    ...(message.column === undefined ? {} : { column: message.column }),
    message: message.reason,
    ...(message.note ? { hint: message.note } : {}),
  }
}
