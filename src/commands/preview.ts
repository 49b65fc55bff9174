/**
 * `press preview`: the build, kept warm and driven by a file watcher, served to
 * a browser that reloads at the same paragraph; review pages get controls whose
 * decisions land in the translation files.
 *
 *   first build (HTML + review pages) → server → watcher → rebuild the touched
 *   languages (fast lane), then their EPUB and PDF (background lane) → events
 *
 * Every build goes through one BuildSession: what the last build parsed,
 * localized and wrote is kept while its input files are unchanged.
 */
import { execFile, spawn } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import type { AddressInfo } from 'node:net'
import { userInfo } from 'node:os'
import { join } from 'node:path'
import type { VFileMessage } from 'vfile-message'
import { findPublications } from '../project/paths.ts'
import type { Logger } from '../util/logger.ts'
import { problem, PressError } from '../util/problems.ts'
import { build, formats as allFormats, type Format } from './build.ts'
import { BuildSession } from './build/session.ts'
import { Activity } from './preview/activity.ts'
import { EventHub } from './preview/events.ts'
import { distFiles } from './preview/pages.ts'
import { Rebuilder } from './preview/rebuild.ts'
import { isLoopback, makeToken } from './preview/security.ts'
import { previewServer } from './preview/server.ts'
import { watchInputs } from './preview/watch.ts'

export interface PreviewOptions {
  root: string
  outDir?: string
  publication?: string
  /** 0: any free port. */
  port: number
  host: string
  open?: boolean
  reviewer?: string
  /** Only these formats (default all: HTML first, then EPUB and PDF in the background). */
  formats?: Format[]
  languages?: string[]
  jobs?: number
}

export interface Preview {
  url: string
  token: string
  reviewer: string
  /** Stop watching, serving and building (waits for a build in progress to finish). */
  close(): Promise<void>
}

export async function startPreview(options: PreviewOptions, logger: Logger): Promise<Preview> {
  const distDir = options.outDir ?? join(options.root, 'dist')
  const publications = await findPublications(options.root, options.publication)
  const reviewer = options.reviewer?.trim() || (await gitUserName(options.root)) || userInfo().username
  const token = makeToken()
  const hub = new EventHub()
  const guard = { token, host: options.host, port: options.port }
  const shared = (language: string): boolean =>
    publications.every((p) => [p.config.sourceLanguage, ...p.config.languages].includes(language))
  const kept = new BuildSession()
  const activity = new Activity()
  const rebuilder = new Rebuilder({
    formats: options.formats ?? allFormats,
    distDir,
    hub,
    report: (line) => logger.info(line),
    served: () => activity.quiet(),
    run: async (request, problems, written) => {
      let languages = request.languages ?? options.languages
      if (request.languages && options.languages) languages = request.languages.filter((l) => options.languages!.includes(l))
      if (languages && !languages.every(shared)) languages = options.languages // a language of one publication only
      if (languages?.length === 0) return { files: [] }
      const result = await build(
        {
          root: options.root,
          outDir: distDir,
          publication: options.publication,
          languages,
          formats: request.formats,
          frozen: false,
          strict: false,
          jobs: options.jobs,
        },
        collecting(logger, problems),
        kept.with({ onWrite: written }),
      )
      return result
    },
  })

  rebuilder.all()
  await rebuilder.idle('fast')
  const client = await Promise.all(
    ['client.js', 'review.js', 'client.css'].map((f) => readFile(new URL(`./preview/${f}`, import.meta.url), 'utf8')),
  )
  const server = previewServer({
    root: options.root,
    publication: options.publication,
    reviewer,
    distDir,
    hub,
    activity,
    guard,
    client: { client: `${client[0]}\n${client[1]}`, style: client[2]! },
    site: async () => ({ publications: await findPublications(options.root, options.publication), files: await distFiles(distDir) }),
  })
  const port = await new Promise<number>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        new PressError(
          problem(`Cannot listen on ${options.host}:${options.port} (${error.code}).`, {
            file: options.root,
            hint: error.code === 'EADDRINUSE' ? 'Another server uses that port: pick another with --port.' : 'Check --host and --port.',
          }),
        ),
      ),
    )
    server.listen(options.port, options.host, () => resolve((server.address() as AddressInfo).port))
  })
  guard.port = port // the port asked for may be 0: any free one
  const watcher = watchInputs(options.root, (paths) => rebuilder.changed(paths))
  const shownHost = options.host.includes(':') ? `[${options.host}]` : options.host
  const url = `http://${shownHost}:${port}/`
  if (!isLoopback(options.host)) {
    logger.info(`warning: listening on ${options.host}, reachable from other machines. Every request needs the token.`)
    logger.info(`Open ${url}?token=${token}`)
  } else logger.info(`Preview at ${url}`)
  logger.info(`Token for writes (new at every start): ${token}`)
  logger.info(`Reviewing as ${reviewer}. Watching content/, translations/ and templates/. Ctrl-C stops.`)
  if (options.open) openBrowser(isLoopback(options.host) ? url : `${url}?token=${token}`)

  return {
    url,
    token,
    reviewer,
    async close() {
      watcher.close()
      rebuilder.close()
      hub.close()
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
      await rebuilder.idle()
      await kept.close()
    },
  }
}

/** A logger that also keeps the problems of the build, for the page's overlay. */
function collecting(logger: Logger, problems: VFileMessage[]): Logger {
  return {
    info: (line) => logger.info(line),
    progress: () => undefined, // one line per rebuild instead of one per file
    problem: (message) => {
      problems.push(message)
      logger.problem(message)
    },
  }
}

function gitUserName(cwd: string): Promise<string | undefined> {
  return new Promise((resolve) =>
    execFile('git', ['config', 'user.name'], { cwd }, (error, stdout) => resolve(error ? undefined : stdout.trim() || undefined)),
  )
}

function openBrowser(url: string): void {
  const command = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open'
  const child = spawn(command, [url], { stdio: 'ignore', detached: true })
  child.on('error', () => undefined)
  child.unref()
}
