/**
 * What a print page may load, served from the build process: the page is
 * opened at a fake origin (https://press.invalid/) and every request it makes
 * is answered from memory (the print HTML, font files read once per build),
 * so a browser on another machine, with no access to the project's files,
 * renders exactly the bytes a local one does. Anything else is refused.
 */
import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { extname } from 'node:path'

export const PRESS_ORIGIN = 'https://press.invalid/'

/** A response: the body in base64 (as CDP's Fetch.fulfillRequest takes it) and its headers. */
export interface Served {
  body: string
  headers: { name: string; value: string }[]
}

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.svg': 'image/svg+xml',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
}

const served = (bytes: Buffer, path: string): Served => ({
  body: bytes.toString('base64'),
  headers: [{ name: 'Content-Type', value: types[extname(path).toLowerCase()] ?? 'application/octet-stream' }],
})

/** Files read once per process (a font is shared by many editions), already encoded for CDP. */
const files = new Map<string, Promise<Served>>()
const load = (path: string): Promise<Served> => {
  let entry = files.get(path)
  if (!entry) {
    entry = readFile(path).then((bytes) => served(bytes, path))
    entry.catch(() => files.delete(path))
    files.set(path, entry)
  }
  return entry
}

/** The URL a folder's files are served under: a digest of the folder, so no local path reaches the page. */
export function folderUrl(dir: string): string {
  return `${PRESS_ORIGIN}f/${createHash('sha256').update(dir).digest('hex').slice(0, 16)}/`
}

/** The resources of one page: URL → response. Everything is in memory before the page opens. */
export class PageResources {
  readonly #entries = new Map<string, Served>()
  readonly #pending: Promise<void>[] = []

  /** Serve `text` at `path` (relative to the fake origin); returns its URL. */
  text(path: string, text: string): string {
    return this.bytes(path, Buffer.from(text))
  }

  /** Serve `data` (an image of the edition) at `path` (relative to the fake origin); returns its URL. */
  bytes(path: string, data: Uint8Array): string {
    const url = PRESS_ORIGIN + path
    this.#entries.set(url, served(Buffer.from(data), path))
    return url
  }

  /** Serve a local file at `url` (read once per build). */
  file(url: string, path: string): this {
    if (!url.startsWith(PRESS_ORIGIN)) throw new Error(`${url} is not under ${PRESS_ORIGIN}`)
    this.#pending.push(load(path).then((response) => void this.#entries.set(url, response)))
    return this
  }

  /** Every file read: call before the page loads. */
  async ready(): Promise<this> {
    await Promise.all(this.#pending.splice(0))
    return this
  }

  get(url: string): Served | undefined {
    return this.#entries.get(url)
  }

  get urls(): string[] {
    return [...this.#entries.keys()]
  }
}
