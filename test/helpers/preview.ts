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
