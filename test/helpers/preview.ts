/** `press preview` run as a user runs it (the compiled CLI), on a free port, in a copy of the project. */
import { spawn, type ChildProcess } from 'node:child_process'
import { request } from 'node:http'
import { join } from 'node:path'
import { ensureCompiled, repoRoot } from './project.ts'

export interface RunningPreview {
  child: ChildProcess
  url: string
  host: string
  token: string
  output(): string
  /** Send SIGINT; resolves with the exit code. */
  stop(): Promise<number | null>
}

export async function startPreview(cwd: string, args: string[]): Promise<RunningPreview> {
  ensureCompiled()
  const child = spawn(process.execPath, [join(repoRoot, 'bin', 'press.js'), 'preview', '--port', '0', ...args], {
    cwd,
    env: { ...process.env, CI: '', SOURCE_DATE_EPOCH: '1571529600' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let out = ''
  child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()))
  child.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()))
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  await new Promise<void>((resolve, reject) => {
    const timer = setInterval(() => {
      if (/Ctrl-C stops/.test(out)) {
        clearInterval(timer)
        resolve()
      }
    }, 100)
    void exited.then((code) => {
      clearInterval(timer)
      reject(new Error(`press preview exited (${code}):\n${out}`))
    })
  })
  const url = /Preview at (http:\/\/\S+\/)/.exec(out)![1]!
  return {
    child,
    url,
    host: new URL(url).host,
    token: /\(new at every start\): (\S+)/.exec(out)![1]!,
    output: () => out,
    stop: () => {
      child.kill('SIGINT')
      return exited
    },
  }
}

/** A raw request: the path is sent exactly as written (no URL normalisation), with the headers given. */
export function rawRequest(
  url: string,
  options: { method?: string; path: string; headers?: Record<string, string>; body?: string },
): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(url)
  return new Promise((resolve, reject) => {
    const req = request({ host: hostname, port, method: options.method ?? 'GET', path: options.path, headers: options.headers }, (res) => {
      let body = ''
      res.on('data', (chunk: Buffer) => (body += chunk.toString()))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }))
    })
    req.on('error', reject)
    req.end(options.body)
  })
}

/** The server's build events, followed from the test: whether a rebuild runs, and when the last event came. */
export interface BuildEvents {
  busy(): boolean
  lastEventAt(): number
  close(): void
}

export function followBuilds(preview: RunningPreview): BuildEvents {
  const { hostname, port } = new URL(preview.url)
  const running = { fast: false, background: false }
  let last = Date.now()
  let buffer = ''
  const req = request({ host: hostname, port, path: '/__press/events', headers: { host: preview.host } }, (res) => {
    res.on('data', (chunk: Buffer) => {
      buffer += chunk.toString()
      for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
        const data = /^data: (.*)$/m.exec(buffer.slice(0, end))?.[1]
        buffer = buffer.slice(end + 2)
        if (!data) continue
        const event = JSON.parse(data) as { type: string; lane?: 'fast' | 'background'; state?: string }
        // A build ends with `built` or `failed` on its lane; the background lane also says when it starts.
        if (event.type === 'building') running.fast = true
        if (event.type === 'background' && event.state === 'updating') running.background = true
        if ((event.type === 'built' || event.type === 'failed') && event.lane) running[event.lane] = false
        last = Date.now()
      }
    })
  })
  req.on('error', () => {})
  req.end()
  return { busy: () => running.fast || running.background, lastEventAt: () => last, close: () => req.destroy() }
}

/** Resolves once no rebuild runs and no build event has come for `ms`; fails after `limit` ms. */
export async function settled(events: BuildEvents, ms: number, limit = 180_000): Promise<void> {
  const start = Date.now()
  while (events.busy() || Date.now() - events.lastEventAt() < ms) {
    if (Date.now() - start > limit) throw new Error(`The preview kept rebuilding for ${limit / 1000} s.`)
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
}
