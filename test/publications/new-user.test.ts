/**
 * A publication as a new user writes it (test/fixtures/new-user): `#` chapters
 * in two files, YAML front matter, an HTML comment, a local image, an aligned
 * table, <sub>, <kbd>, <br> and a <details> box, translated into French and
 * German. One build of HTML and EPUB in every language, one PDF (fr); checked
 * with epubcheck, Ace, the Nu checker, pdfimages and pdftotext.
 */
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { before, describe, it } from 'node:test'
import { strFromU8, unzipSync } from 'fflate'
import { ace, epubcheckAll } from '../epub/tools.ts'
import { pathToFileURL } from 'node:url'
import { chromiumPath, launchBrowser } from '../helpers/browser.ts'
import { nuCheck } from '../helpers/html.ts'
import { press, repoRoot } from '../helpers/project.ts'
import { tool } from '../pdf/tools.ts'
import { contentMarks, flat, structureTree } from '../pdf/tagged-content.ts'

const id = 'field-notes'
const languages = ['en', 'fr', 'de']
const chapter = `content/${id}/chapters/rain.md`

/** The fixture, the repo's templates and the interface strings it needs, in a new git folder. */
function copyNewUser(): string {
  const dir = mkdtempSync(join(tmpdir(), 'press-new-user-'))
  cpSync(join(repoRoot, 'test', 'fixtures', 'new-user'), dir, { recursive: true })
  cpSync(join(repoRoot, 'templates'), join(dir, 'templates'), { recursive: true })
  for (const [language, from] of [
    ['en', 'translations'],
    ['fr', 'translations'],
    ['de', 'test/fixtures/multi-script/translations'],
  ] as const) {
    mkdirSync(join(dir, 'translations', language), { recursive: true })
    cpSync(join(repoRoot, from, language, 'ui.json'), join(dir, 'translations', language, 'ui.json'))
  }
  execFileSync('git', ['init', '-q'], { cwd: dir })
  return dir
}

describe('a new user publication: chapters, an image, a table, inline HTML, front matter', () => {
  let dir = ''
  let out = ''
  const png = readFileSync(join(repoRoot, 'test', 'fixtures', 'new-user', 'content', id, 'images', 'rainfall.png'))
  // The page without the paragraph tools (permalink, other languages) each block ends with.
  const html = (language: string) =>
    readFileSync(join(out, id, language, 'index.html'), 'utf8').replace(/<span class="pp-tools"[^]*?<\/span>/g, '')
  const epub = (language: string) => join(out, id, language, `${id}.${language}.epub`)
  before(() => {
    dir = copyNewUser()
    out = join(dir, 'dist')
    for (const args of [
      ['build', '--frozen', '--format', 'html,epub'],
      ['build', '--frozen', '--format', 'pdf', '--lang', 'fr'],
    ]) {
      const run = press(dir, args)
      assert.equal(run.status, 0, run.stderr)
    }
  })

  it('should copy the image beside each HTML edition under its content name, with the translated alt text', () => {
    const alts: Record<string, string> = {
      en: 'A bar chart of rainfall in four seasons',
      fr: 'Un diagramme en barres des pluies au fil des quatre saisons',
      de: 'Ein Balkendiagramm der Niederschläge in den vier Jahreszeiten',
    }
    for (const language of languages) {
      const match = /<img src="(images\/[0-9a-f]{16}\.png)" alt="([^"]*)">/.exec(html(language))
      assert.ok(match, language)
      assert.equal(match[2], alts[language])
      assert.deepEqual(readFileSync(join(out, id, language, match[1]!)), png)
    }
  })

  it('should make a chapter of each # heading, list ## in the contents, and keep front matter and comments out', () => {
    const fr = html('fr')
    assert.equal((fr.match(/<section class="thesis"/g) ?? []).length, 2)
    assert.match(fr, /<section class="thesis" aria-labelledby="(h-[a-z0-9]+)"><h1 id="\1">La pluie<\/h1>/)
    const toc = /<nav class="toc"[^]*?<\/nav>/.exec(fr)![0]
    assert.deepEqual(
      [...toc.matchAll(/<li( class="[^"]+")?><a href="#[^"]+">([^<]+)<\/a>/g)].map((m) => `${m[1] ?? ''}${m[2]}`),
      ['La pluie', ' class="toc-level-2"Mesurer la pluie', 'Les fleuves', ' class="toc-level-2"Les plus longs fleuves'],
    )
    for (const language of languages) {
      assert.doesNotMatch(html(language), /<!--|Chapter one|A new user|title: Rain/, language)
    }
  })

  it('should keep the allowed inline HTML and the details box, and align table columns by class', () => {
    const de = html('de')
    assert.match(de, /Seine chemische Formel ist H<sub>2<\/sub>O\./)
    assert.match(de, /Drücken Sie <kbd>R<\/kbd>/)
    assert.match(de, /ins Meer\.<br>\s*Er kommt nie zur Ruhe\./)
    assert.match(de, /<details>\s*<summary id="p-[a-z0-9]+">Wie die Tabelle entstand<\/summary>\s*<p id="p-[a-z0-9]+">Die Zahlen/)
    assert.match(de, /<th id="t-[a-z0-9]+" class="align-right">Niederschlag \(mm\)<\/th>/)
  })

  it('should draw every glyph of the HTML editions (kbd and sub included) with a bundled font', async () => {
    const browser = await launchBrowser()
    try {
      for (const language of languages) {
        const page = await browser.newPage()
        const client = await page.createCDPSession()
        await client.send('DOM.enable')
        await client.send('CSS.enable')
        await page.goto(pathToFileURL(join(out, id, language, 'index.html')).href, { waitUntil: 'load' })
        await page.evaluate(() => document.fonts.ready.then(() => undefined))
        const { root } = await client.send('DOM.getDocument', { depth: -1 })
        const { nodeIds } = await client.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector: 'body *' })
        for (const nodeId of nodeIds) {
          const { fonts } = await client.send('CSS.getPlatformFontsForNode', { nodeId })
          for (const font of fonts) assert.ok(font.isCustomFont, `${language}: ${font.glyphCount} glyphs drawn with ${font.familyName}`)
        }
        await page.close()
      }
    } finally {
      await browser.close()
    }
  })

  it('should pass the Nu Html Checker with 0 errors', () => {
    const errors = nuCheck(languages.map((language) => join(out, id, language, 'index.html'))).filter((m) => m.type === 'error')
    assert.deepEqual(
      errors.map((m) => `${m.url}:${m.lastLine}: ${m.message}`),
      [],
    )
  })

  it('should put the image in each EPUB with its media type, nest sections in the nav, and pass epubcheck', async () => {
    const checks = epubcheckAll(languages.map((language) => ({ file: epub(language), reportDir: join(out, 'epubcheck', language) }))).then(
      (results) => results.map((r, i) => ({ language: languages[i], ...r })),
    )
    for (const language of languages) {
      const files = unzipSync(readFileSync(epub(language)))
      const opf = strFromU8(files['EPUB/content.opf']!)
      const item = /<item id="image-1" href="(images\/[0-9a-f]{16}\.png)" media-type="image\/png"\/>/.exec(opf)
      assert.ok(item, `${language}: ${opf}`)
      assert.deepEqual(Buffer.from(files[`EPUB/${item[1]}`]!), png)
      const nav = strFromU8(files['EPUB/nav.xhtml']!)
      if (language === 'fr') assert.match(nav, /La pluie<\/a><ol><li><a href="section-01\.xhtml#h-[a-z0-9]+">Mesurer la pluie<\/a>/)
    }
    for (const r of await checks) assert.deepEqual([r.fatals, r.errors, r.warnings, r.messages], [0, 0, 0, []], r.language)
  })

  it('should have no Ace violations in the French EPUB', async () => {
    // Ace gives its Chromium 5 s to start; on a loaded machine that launch can time out: one more try, same check.
    const check = () => ace(epub('fr'), join(out, 'ace'), chromiumPath())
    const result = await check().catch(check)
    assert.deepEqual(
      result.violations.map((v) => `${v.impact} ${v.rule}: ${v.description}`),
      [],
    )
  })

  it('should embed the image in the PDF and list the chapters and their sections on its contents page', () => {
    const file = join(out, id, 'fr', `${id}.fr.pdf`)
    const images = tool('pdfimages', ['-list', file]).trim().split('\n').slice(2)
    assert.equal(images.length, 1, images.join('\n'))
    assert.match(images[0]!, /^\s*\d+\s+\d+\s+image\s+64\s+40\s/)
    const contents = tool('pdftotext', ['-f', '2', '-l', '2', file, '-'])
    for (const title of ['Table des matières', 'La pluie', 'Mesurer la pluie', 'Les fleuves', 'Les plus longs fleuves'])
      assert.ok(contents.includes(title), `${title} not in ${contents}`)
  })

  it('should tag the PDF’s image as a Figure with its alternate text and its table as Table/TR/TH/TD, with no generic wrapper', () => {
    const file = join(out, id, 'fr', `${id}.fr.pdf`)
    const elements = flat(structureTree(file).root)
    const types = new Set(elements.map((e) => e.type))
    for (const type of ['Figure', 'Table', 'TR', 'TH', 'TD', 'H1', 'H2', 'P'])
      assert.ok(types.has(type), `no ${type} in ${[...types].join(' ')}`)
    assert.ok(!types.has('NonStruct'), 'a NonStruct left')
    const alt = tool('qpdf', ['--json=2', '--json-key=qpdf', file]).match(/"\/Alt": "u:([^"]+)"/)
    assert.ok(alt && alt[1]!.trim().length > 10, `the Figure's /Alt: ${alt?.[1]}`)
    for (const page of contentMarks(file)) assert.equal(page.unmarked, 0, `p${page.page}: content neither tagged nor an artifact`)
  })

  it('should give table cells their content alone as translatable text (PO export)', () => {
    const po = join(dir, 'fr.po')
    const run = press(dir, ['export', '--lang', 'fr', '--format', 'po', '--out', po])
    assert.equal(run.status, 0, run.stderr)
    const text = readFileSync(po, 'utf8')
    assert.match(text, /msgid "Season"\nmsgstr "Saison"/)
    assert.match(text, /msgid "Rainfall \(mm\)"\nmsgstr "Précipitations \(mm\)"/)
    assert.doesNotMatch(text, /msgid "\|/)
  })

  it('should refuse a missing image and inline HTML off the allowlist at their line and column', () => {
    const source = readFileSync(join(dir, chapter), 'utf8')
    writeFileSync(
      join(dir, chapter),
      source.replace('../images/rainfall.png', '../images/missing.png').replace('Press <kbd>R</kbd>', 'Press <blink>R</blink>'),
    )
    const run = press(dir, ['build', '--format', 'html', '--lang', 'en'])
    writeFileSync(join(dir, chapter), source)
    assert.notEqual(run.status, 0)
    assert.match(run.stderr, new RegExp(`${chapter}:12:1.*The image \\.\\./images/missing\\.png does not exist`))
    assert.match(run.stderr, new RegExp(`${chapter}:16:67.*<blink>.*is not on the allowlist`))
    assert.doesNotMatch(run.stderr, /\n\s+at /, 'no stack trace')
  })
})
