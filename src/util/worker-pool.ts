/**
 * A bounded pool of worker threads running one module: at most `size` workers,
 * started on demand, each doing one task at a time; tasks queue in order.
 * Idle workers do not keep the process alive; `close()` ends them all.
 */
import { Worker } from 'node:worker_threads'

interface Task<I, O> {
  input: I
  transfer: ArrayBuffer[]
  resolve: (output: O) => void
  reject: (error: Error) => void
}

interface Slot<I, O> {
  worker: Worker
  task: Task<I, O> | undefined
}

export class WorkerPool<I, O> {
  readonly #module: URL
  readonly #size: number
  readonly #slots: Slot<I, O>[] = []
  readonly #queue: Task<I, O>[] = []

  /** `module` answers each message with `{ok: true, value}` or `{ok: false, message}` (see worker-pool-child.ts). */
  constructor(module: URL, size: number) {
    if (!Number.isInteger(size) || size < 1) throw new RangeError(`a worker pool needs at least one worker (got ${size})`)
    this.#module = module
    this.#size = size
  }

  run(input: I, transfer: ArrayBuffer[] = []): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.#queue.push({ input, transfer, resolve, reject })
      this.#dispatch()
    })
  }

  async close(): Promise<void> {
    const slots = this.#slots.splice(0)
    await Promise.all(slots.map((slot) => slot.worker.terminate()))
  }

  #dispatch(): void {
    while (this.#queue.length > 0) {
      const slot = this.#slots.find((s) => s.task === undefined) ?? this.#start()
      if (!slot) return
      const task = this.#queue.shift()!
      slot.task = task
      slot.worker.ref()
      slot.worker.postMessage(task.input, task.transfer)
    }
  }

  #start(): Slot<I, O> | undefined {
    if (this.#slots.length >= this.#size) return undefined
    const slot: Slot<I, O> = { worker: newWorker(this.#module), task: undefined }
    slot.worker.on('message', (message: { ok: true; value: O } | { ok: false; message: string }) => {
      const task = slot.task
      slot.task = undefined
      slot.worker.unref()
      if (task) {
        if (message.ok) task.resolve(message.value)
        else task.reject(new Error(message.message))
      }
      this.#dispatch()
    })
    slot.worker.on('error', (error) => this.#fail(slot, error))
    slot.worker.on('exit', (code) => this.#fail(slot, new Error(`a worker thread stopped (exit code ${code})`)))
    this.#slots.push(slot)
    return slot
  }

  /** A worker died: fail its task, forget it; queued tasks go to the others (or a new one). */
  #fail(slot: Slot<I, O>, error: Error): void {
    const index = this.#slots.indexOf(slot)
    if (index < 0) return
    this.#slots.splice(index, 1)
    slot.task?.reject(error)
    slot.task = undefined
    this.#dispatch()
  }
}

/** Under tsx (tests, or the CLI running from src/) a TypeScript worker registers tsx's loader before loading its module. */
function newWorker(module: URL): Worker {
  if (!module.pathname.endsWith('.ts')) return new Worker(module)
  const tsx = import.meta.resolve('tsx/esm/api')
  const bootstrap = `import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(module.href)}) })`
  return new Worker(bootstrap, { eval: true })
}
