/**
 * The bytes a build reads, hashed without parsing them: the tool itself, each
 * source, the ID lock, each translation and interface-strings file, each
 * template and the fonts. Work units combine these into their fingerprints
 * (src/commands/build/units.ts); a build whose units are all cached reads
 * nothing else.
 */
import { readdir, readFile } from 'node:fs/promises'
import { basename, isAbsolute, join, relative } from 'node:path'
import type { Publication } from './load.ts'
import { LOCK_FILE, translationPath, uiPath } from './paths.ts'
import { sha256 } from './cache.ts'
import { listFiles, toolRoot } from './tool.ts'

export { toolFingerprint } from './tool.ts'

let fonts: Promise<string> | undefined

/** The bundled font packages (name@version of each installed @fontsource package). */
export function bundledFontsFingerprint(): Promise<string> {
  fonts ??= (async () => {
    const dir = join(toolRoot, 'node_modules', '@fontsource')
    const names = (await readdir(dir).catch(() => [])).sort()
    const versions = await Promise.all(
      names.map(async (name) => {
        const pkg = await readFile(join(dir, name, 'package.json'), 'utf8').catch(() => '{}')
        return `${name}@${(JSON.parse(pkg) as { version?: string }).version ?? '?'}`
      }),
    )
    // The print PDFs take Noto Naskh Arabic from Debian's fonts-noto-core (src/outputs/pdf/print-fonts.ts).
    const debian = await readFile('/usr/share/fonts/truetype/noto/NotoNaskhArabic-Regular.ttf').catch(() => Buffer.from(''))
    return sha256(versions.join('\n') + sha256(debian))
  })()
  return fonts
}

/** Reads and hashes a publication's input files once each (a missing file hashes as "missing"). */
export class PublicationInputs {
  readonly publication: Publication
  readonly #bytes = new Map<string, Promise<Buffer | undefined>>()

  constructor(publication: Publication) {
    this.publication = publication
  }

  /** sha256 of a file's bytes (absolute, or relative to the project root). */
  async file(path: string): Promise<string> {
    const bytes = await this.#read(path)
    if (bytes === undefined) return 'missing'
    // A UTF-8 byte order mark is dropped when a text is read: it changes no output, so no fingerprint either.
    const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf
    return sha256(bom ? bytes.subarray(3) : bytes)
  }

  /** A file's text (undefined when missing). */
  async text(path: string): Promise<string | undefined> {
    return (await this.#read(path))?.toString('utf8')
  }

  #read(path: string): Promise<Buffer | undefined> {
    const absolute = isAbsolute(path) ? path : join(this.publication.root, path)
    let bytes = this.#bytes.get(absolute)
    if (!bytes) {
      bytes = readFile(absolute).catch(() => undefined)
      this.#bytes.set(absolute, bytes)
    }
    return bytes
  }

  /** The Markdown sources, then every other file in the publication's folder (images a source shows), by path. */
  async sources(): Promise<string[]> {
    const { dir, config, configPath } = this.publication
    const markdown = config.sources.map((name) => join(dir, name))
    const known = new Set([...markdown, join(dir, LOCK_FILE), join(this.publication.root, configPath)])
    const others = (await listFiles(dir)).filter((file) => !known.has(file) && !basename(file).startsWith('.'))
    return [
      ...(await Promise.all(markdown.map((file) => this.file(file)))),
      ...(await Promise.all(others.map(async (file) => `${relative(dir, file)}:${await this.file(file)}`))),
    ]
  }

  translation(language: string): Promise<string> {
    return this.file(translationPath(language, this.publication.config.id))
  }

  ui(language: string): Promise<string> {
    return this.file(uiPath(language))
  }

  /** The name a language gives itself in its ui.json (what other editions' language links show). */
  async languageName(language: string): Promise<string> {
    const text = await this.text(uiPath(language))
    try {
      const name = (JSON.parse(text ?? '{}') as { strings?: Record<string, unknown> }).strings?.languageName
      return typeof name === 'string' ? name : ''
    } catch {
      return 'unreadable' // the build reports it when it parses the file
    }
  }

  template(name: string): Promise<string> {
    return this.file(join(this.publication.root, 'templates', name))
  }

  async templates(): Promise<string[]> {
    const names = (await readdir(join(this.publication.root, 'templates')).catch(() => [])).sort()
    return Promise.all(names.map(async (name) => `${name}:${await this.template(name)}`))
  }

  /** Bundled font packages, and the font files publication.yaml's `fonts:` names in the project. */
  async fonts(): Promise<string[]> {
    const files = Object.values(this.publication.config.fonts ?? {}).filter((value) => !value.startsWith('@'))
    return [await bundledFontsFingerprint(), ...(await Promise.all(files.map((f) => this.file(join(this.publication.dir, f)))))]
  }
}
