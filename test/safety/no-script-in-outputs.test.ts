/**
 * No output can run a script: every HTML page, every EPUB content document and
 * the print HTML of every PDF are searched for `javascript:`, `data:text/html`
 * and event-handler attributes, after a full build of the bundled publication
 * and after a build whose content was made hostile behind the checks' backs
 * (the sanitising step alone).
 */
import assert from 'node:assert/strict'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { before, describe, it } from 'node:test'
import { strFromU8, unzipSync } from 'fflate'
import type { Element, ElementContent } from 'hast'
import { h } from 'hastscript'
import { visit } from 'unist-util-visit'
import { copyContent } from '../../src/edition/content.ts'
import { loadUi, prepareEditions, type EditionModel } from '../../src/edition/model.ts'
import { loadTranslations } from '../../src/i18n/load.ts'
import { resolveIds } from '../../src/ids/resolve.ts'
import type { BuildIdentity } from '../../src/outputs/colophon.ts'
import { renderEpubEdition } from '../../src/outputs/epub/index.ts'
import { fontSettings } from '../../src/outputs/font-registry.ts'
import { editionLanguage, renderHtmlEdition } from '../../src/outputs/html/index.ts'
import { EDITION_CSP } from '../../src/outputs/html/page.ts'
import { parallelDocument } from '../../src/outputs/parallel/document.ts'
import { pageGeometry } from '../../src/outputs/pdf/page-css.ts'
import { printDocument } from '../../src/outputs/pdf/print-html.ts'
import { reviewScript } from '../../src/outputs/review/script.ts'
import { findPublications } from '../../src/project/paths.ts'
import { copyProject, press, repoRoot } from '../helpers/project.ts'

/** Assert that `html` (named `name`) holds nothing that runs a script. */
function assertNoScript(name: string, html: string): void {
  assert.doesNotMatch(html, /javascript:/i, `${name} has javascript:`)
  assert.doesNotMatch(html, /vbscript:/i, `${name} has vbscript:`)
  assert.doesNotMatch(html, /data:text\/html/i, `${name} has data:text/html`)
  assert.doesNotMatch(html, /<[a-z][^>]*\son[a-z]+\s*=/i, `${name} has an event-handler attribute`)
  const scripts = [...html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/gi)].map((m) => m[1])
  for (const script of scripts) assert.equal(script, reviewScript, `${name}: the only script allowed is the review page's own`)
  assert.doesNotMatch(html, /<(iframe|object|embed|form|base)\b/i, `${name} has an active element`)
}

/** Every id is a paragraph ID or in the writers' `pp-` namespace, and each appears once. */
function assertIdNamespace(name: string, html: string): void {
  const ids = [...html.matchAll(/\sid="([^"]*)"/g)].map((m) => m[1]!)
  for (const id of ids) assert.match(id, /^(?:[hpntc]-[0-9a-z]{6}|pp-[a-z0-9-]+)$/, `${name}: id "${id}"`)
  assert.equal(new Set(ids).size, ids.length, `${name}: duplicate ids`)
}

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.(html|epub)$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
}

/** path → text of every HTML page and every EPUB content document under `dir`. */
function pagesOf(dir: string): Map<string, string> {
  const pages = new Map<string, string>()
  for (const file of htmlFiles(dir)) {
    if (file.endsWith('.html')) pages.set(file, readFileSync(file, 'utf8'))
    else addEpub(pages, file, readFileSync(file))
  }
  return pages
}

function addEpub(pages: Map<string, string>, name: string, bytes: Uint8Array): void {
  for (const [path, data] of Object.entries(unzipSync(bytes)))
    if (/\.(x?html|opf|ncx)$/.test(path)) pages.set(`${name}!${path}`, strFromU8(data))
}

const identity: BuildIdentity = { build: '0123456789abcdef', revision: 'fedcba9876543210', date: new Date('2019-10-20T00:00:00Z') }

type Publication = Awaited<ReturnType<typeof findPublications>>[number]

async function editionsOf(root: string): Promise<{ editions: EditionModel[]; publication: Publication }> {
  const [publication] = await findPublications(root)
  const { config } = publication!
  const sources = await resolveIds(publication!, { frozen: true, write: false })
  const languages = [config.sourceLanguage, ...config.languages]
  const translations = await loadTranslations(publication!, sources, config.languages)
  const editions = prepareEditions(publication!, sources, translations, await loadUi(root, languages), languages)
  return { editions, publication: publication! }
}

/** Print HTML of every PDF edition and of every parallel edition (source + each target). */
async function printPages(root: string, editions: EditionModel[]): Promise<Map<string, string>> {
  const geometry = pageGeometry('A4')
  const css = readFileSync(join(root, 'templates', 'pdf.css'), 'utf8')
  const pages = new Map<string, string>()
  const source = editions[0]!
  for (const edition of editions) {
    const [publication] = await findPublications(root)
    const input = { sourceLanguage: source.language, identity, geometry, css, fonts: fontSettings(publication!) }
    pages.set(`print ${edition.language}`, printDocument({ ...input, edition }).html)
    if (edition !== source)
      pages.set(`parallel ${source.language}-${edition.language}`, parallelDocument({ ...input, a: source, b: edition }).html)
  }
  return pages
}

describe('a full build of the bundled publication', () => {
  let dir: string
  let pages: Map<string, string>
  before(() => {
    dir = copyProject()
    const run = press(dir, ['build', '--format', 'html', '--format', 'epub'])
    assert.equal(run.status, 0, run.stderr)
    pages = pagesOf(join(dir, 'dist'))
  })

  it('should have no javascript:, data:text/html or event handler in any HTML page or EPUB document', () => {
    assert.ok(
      [...pages.keys()].some((p) => p.endsWith('review/en-fr.html')),
      'review pages searched',
    )
    assert.ok(
      [...pages.keys()].some((p) => p.includes('.epub!')),
      'EPUB documents searched',
    )
    assert.ok(pages.size >= 6 + 6 * 4 + 5, `${pages.size} pages`)
    for (const [name, html] of pages) assertNoScript(name, html)
  })

  it('should give every HTML and XHTML page only paragraph IDs and pp- ids, each once', () => {
    for (const [name, html] of pages) if (!/\.(opf|ncx)$/.test(name)) assertIdNamespace(name, html)
    assert.ok([...pages.values()].join('').includes(' id="pp-main"'), "the writers' ids are there")
  })

  it('should give every HTML edition a Content-Security-Policy that allows no script', () => {
    const editions = [...pages].filter(([name]) => name.endsWith('/index.html') && !name.endsWith('dist/index.html'))
    assert.equal(editions.length, 6)
    for (const [name, html] of editions) {
      assert.ok(html.replaceAll('&#x27;', "'").includes(`<meta http-equiv="Content-Security-Policy" content="${EDITION_CSP}">`), name)
      assert.match(EDITION_CSP, /default-src 'none'/)
      assert.match(EDITION_CSP, /script-src 'none'/)
    }
  })

  it('should have no script in the print HTML of any PDF or parallel edition', async () => {
    const { editions } = await editionsOf(dir)
    const print = await printPages(dir, editions)
    assert.equal(print.size, 11)
    for (const [name, html] of print) {
      assertNoScript(name, html)
      assertIdNamespace(name, html)
    }
  })
})

/** Content that no check lets in, put straight into the hast the writers serialise. */
function hostileNodes(): ElementContent[] {
  return [
    h('a', { href: 'javascript:alert(1)', onClick: 'alert(2)' }, 'hostile link'),
    h('a', { href: 'JaVaScRiPt:alert(3)' }, 'mixed case'),
    h('a', { href: 'java\tscript:alert(4)' }, 'tab'),
    h('a', { href: 'data:text/html,<script>alert(5)</script>' }, 'data'),
    h('a', { href: 'vbscript:msgbox(6)' }, 'vb'),
    h('img', { src: 'javascript:alert(7)', alt: 'x', onError: 'alert(8)' }),
    h('img', { src: 'data:text/html,<script>alert(9)</script>', alt: 'y' }),
    h('img', { src: 'https://tracker.example/pixel.gif', alt: 'remote' }),
    h('script', 'alert(10)'),
    h('iframe', { src: 'javascript:alert(11)' }),
    h('span', { onMouseOver: 'alert(12)', style: 'x' }, 'kept text'),
  ]
}

function poisoned(edition: EditionModel): EditionModel {
  return {
    ...edition,
    content: (() => {
      const content = copyContent(edition.content)
      let done = false
      for (const unit of content.children)
        visit(unit, 'element', (node: Element) => {
          if (node.tagName !== 'p') return
          node.properties.onClick = 'alert(0)'
          if (!done) node.children.push(...hostileNodes())
          done = true
        })
      return content
    })(),
  }
}

describe('the sanitising step alone, handed hostile trees', () => {
  let editions: EditionModel[]
  let config: Publication['config']
  let fonts: ReturnType<typeof fontSettings>
  before(async () => {
    const loaded = await editionsOf(repoRoot)
    editions = loaded.editions.map(poisoned)
    config = loaded.publication.config
    fonts = fontSettings(loaded.publication)
  })

  it('should keep scripts, script URLs and handlers out of the HTML editions', () => {
    for (const edition of editions) {
      const html = renderHtmlEdition(edition, editions.map(editionLanguage), config.sourceLanguage, identity)
      assert.ok(html.includes('hostile link') && html.includes('kept text'), 'the text itself is kept')
      assertNoScript(`html ${edition.language}`, html)
      assert.doesNotMatch(html, /tracker\.example/)
    }
  })

  it('should keep them out of every EPUB content document', async () => {
    for (const edition of editions) {
      const pages = new Map<string, string>()
      addEpub(
        pages,
        `epub ${edition.language}`,
        await renderEpubEdition({ edition, config, sourceLanguage: config.sourceLanguage, identity, root: repoRoot, fontSettings: fonts }),
      )
      assert.ok([...pages.values()].some((x) => x.includes('hostile link')))
      for (const [name, html] of pages) assertNoScript(name, html)
    }
  })

  it('should keep them out of the print HTML of every PDF and parallel edition', async () => {
    const print = await printPages(repoRoot, editions)
    // Print text is hyphenated (soft hyphens inside long words).
    assert.ok([...print.values()].every((html) => html.replaceAll('\u00AD', '').includes('hostile link')))
    for (const [name, html] of print) assertNoScript(name, html)
  })
})
