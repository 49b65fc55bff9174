/** Building the PDF editions once per test file, and reading them back with poppler, qpdf and mutool. */
import { execFileSync } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Element } from 'hast'
import { visit } from 'unist-util-visit'
import { build, type Format } from '../../src/commands/build.ts'
import { loadUi, prepareEditions, type EditionModel } from '../../src/edition/model.ts'
import { resolveIds } from '../../src/ids/resolve.ts'
import { collectingLogger } from '../../src/util/logger.ts'
import { findPublications } from '../../src/project/paths.ts'
import { loadTranslations } from '../../src/i18n/load.ts'
import { textOf } from '../../src/edition/content.ts'
import { copyProject, languages, publicationId, repoRoot } from '../helpers/project.ts'
import { sharedBuild } from '../helpers/shared-build.ts'

export { languages, publicationId, repoRoot }

export const SOURCE_DATE_EPOCH = '1571529600'

/**
 * Build the bundled publication into a new folder. The build cache in the repository is shared by the tests that
 * only read the PDFs (the cache test proves a restored file is the rendered one); `cache: false` renders afresh.
 */
export async function buildInto(formats: Format[] = ['pdf'], options: { cache?: boolean; root?: string } = {}): Promise<string> {
  process.env.SOURCE_DATE_EPOCH = SOURCE_DATE_EPOCH
  const out = mkdtempSync(join(tmpdir(), 'press-pdf-'))
  await build({ root: repoRoot, outDir: out, frozen: true, strict: false, formats, ...options }, collectingLogger())
  return out
}

/**
 * The HTML and PDF editions of the bundled publication, built once per test run (test/helpers/shared-build.ts) and
 * read by every PDF test: `root`, a copy of the project whose build cache was empty (every PDF rendered), and `out`,
 * the build. Read-only: a test that changes inputs builds its own.
 */
export async function sharedPdfs(): Promise<{ root: string; out: string }> {
  const dir = await sharedBuild('bundled-html-pdf', async (into) => {
    const root = copyProject(join(into, 'project'))
    process.env.SOURCE_DATE_EPOCH = SOURCE_DATE_EPOCH
    await build({ root, outDir: join(into, 'dist'), frozen: true, strict: false, formats: ['html', 'pdf'] }, collectingLogger())
  })
  return { root: join(dir, 'project'), out: join(dir, 'dist') }
}

export const pdfPath = (out: string, lang: string): string => join(out, publicationId, lang, `${publicationId}.${lang}.pdf`)

export function tool(command: string, args: string[]): string {
  return execFileSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] })
}

/** What each edition should contain, from the same models the build uses. */
export interface ExpectedEdition {
  edition: EditionModel
  /** Heading texts in reading order (h2 of the content). */
  headings: { id: string; text: string }[]
  /** Non-note blocks in reading order: id and plain text. */
  blocks: { id: string; text: string }[]
  /** Footnotes: their id (pp-fn-N), number and plain text. */
  notes: { id: string; number: number; text: string }[]
}

export async function expectedEditions(): Promise<Map<string, ExpectedEdition>> {
  const [publication] = await findPublications(repoRoot, publicationId)
  const { config } = publication!
  const all = [config.sourceLanguage, ...config.languages]
  const sources = await resolveIds(publication!, { frozen: true, write: false })
  const translations = await loadTranslations(publication!, sources, config.languages)
  const ui = await loadUi(repoRoot, all)
  const ids = new Set(sources.ids)
  const out = new Map<string, ExpectedEdition>()
  for (const edition of prepareEditions(publication!, sources, translations, ui, all)) {
    const content = edition.content
    const blocks: ExpectedEdition['blocks'] = []
    const notes: ExpectedEdition['notes'] = []
    for (const unit of content.children) {
      const isNotes = ((unit.properties.className as string[] | undefined) ?? []).includes('notes')
      visit(unit, 'element', (node: Element) => {
        if (isNotes && node.tagName === 'li') {
          const text = textOf(node).replace(/\^(?=\s*$)/, '')
          notes.push({ id: String(node.properties.id), number: notes.length + 1, text })
          return 'skip'
        }
        const id = node.properties.id
        if (typeof id === 'string' && ids.has(id)) {
          blocks.push({ id, text: textOf(node) })
          return 'skip'
        }
        return undefined
      })
    }
    out.set(edition.language, { edition, headings: [...content.headings], blocks, notes })
  }
  return out
}

/**
 * Text for comparison: no whitespace, no bidi controls; Arabic harakat,
 * tatweel and the Unicode compatibility forms folded away (poppler may emit
 * a mark before or after its base letter), no hyphens (pdftotext joins a word
 * hyphenated at a line end, dropping its hyphen).
 */
export function normalize(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u064B-\u065F\u0670\u0640\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/gu, '')
    .replace(/[-\u2010\u00AD]/gu, '')
    .replace(/\s+/gu, '')
}

/** Page number of every named destination (`pdfinfo -dests`). */
export function destinations(file: string): Map<string, { page: number; top: number }> {
  const out = new Map<string, { page: number; top: number }>()
  for (const line of tool('pdfinfo', ['-dests', file]).split('\n')) {
    const match = /^\s*(\d+)\s+\[\s*XYZ\s+[\d.-]+\s+([\d.-]+).*\]\s+"(.*)"\s*$/.exec(line)
    if (match) out.set(match[3]!, { page: Number(match[1]), top: Number(match[2]) })
  }
  return out
}

/** Bookmark titles in reading order, with their depth (`mutool show outline`). */
export function bookmarks(file: string): { depth: number; title: string; page: number }[] {
  return tool('mutool', ['show', file, 'outline'])
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const match = /^([|+\-\s]*?)\t*"(.*)"\t#page=(\d+)/.exec(line)
      if (!match) throw new Error(`unreadable outline line: ${line}`)
      return { depth: (line.match(/\t/g) ?? []).length, title: match[2]!.replace(/\\"/g, '"'), page: Number(match[3]) }
    })
}

/** Text of the page body (running heads and page numbers cropped away), per page. */
export function bodyText(file: string, pages: number, top = 62, bottom = 62): string[] {
  const out: string[] = []
  for (let page = 1; page <= pages; page++) {
    out.push(
      tool('pdftotext', [
        '-f',
        String(page),
        '-l',
        String(page),
        '-x',
        '0',
        '-y',
        String(top),
        '-W',
        '700',
        '-H',
        String(842 - top - bottom),
        file,
        '-',
      ]),
    )
  }
  return out
}

export function pdfinfo(file: string): Record<string, string> {
  const out: Record<string, string> = {}
  for (const line of tool('pdfinfo', [file]).split('\n')) {
    const match = /^([^:]+):\s*(.*)$/.exec(line)
    if (match) out[match[1]!.trim()] = match[2]!.trim()
  }
  return out
}

export function pdffonts(file: string): { name: string; type: string; embedded: boolean; unicode: boolean }[] {
  const lines = tool('pdffonts', [file])
    .split('\n')
    .slice(2)
    .filter((l) => l.trim() !== '')
  return lines.map((line) => {
    const name = line.slice(0, 37).trim()
    const type = line.slice(37, 55).trim()
    const flags = line.slice(72).trim().split(/\s+/)
    return { name, type, embedded: flags[0] === 'yes', unicode: flags[2] === 'yes' }
  })
}

/**
 * Approximate substring search (Sellers' algorithm): the fewest edits that turn
 * `needle` into some substring of `text` starting at or after `from` (within
 * `window` characters), and where that substring ends.
 */
export function approxFind(text: string, needle: string, from = 0, window = text.length): { distance: number; end: number } {
  const hay = text.slice(from, from + window)
  const m = needle.length
  let previous = new Uint32Array(hay.length + 1)
  let current = new Uint32Array(hay.length + 1)
  for (let i = 1; i <= m; i++) {
    current[0] = i
    const c = needle.charCodeAt(i - 1)
    for (let j = 1; j <= hay.length; j++) {
      const substitute = previous[j - 1]! + (hay.charCodeAt(j - 1) === c ? 0 : 1)
      current[j] = Math.min(substitute, previous[j]! + 1, current[j - 1]! + 1)
    }
    ;[previous, current] = [current, previous]
  }
  let best = Infinity
  let end = 0
  for (let j = 0; j <= hay.length; j++) {
    if (previous[j]! < best) {
      best = previous[j]!
      end = j
    }
  }
  return { distance: best, end: from + end }
}
