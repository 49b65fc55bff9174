import assert from 'node:assert/strict'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { after, describe, it } from 'node:test'
import { BrowserSession } from '../../src/outputs/pdf/session.ts'
import { folderUrl, PageResources } from '../../src/outputs/pdf/resources.ts'
import { pageCss, pageGeometry } from '../../src/outputs/pdf/page-css.ts'
import { facesFor, fontFaceCss, packageFaces } from '../../src/outputs/fonts.ts'
import { paginate } from '../../src/outputs/pdf/render.ts'
import { repoRoot, tool } from './tools.ts'

/** A synthetic document in the paginator's shape: long paragraphs, many notes, small pages (A5). */
function document(resources: PageResources): string {
  const sentence = 'The international community should improve mechanisms for communication and cooperation in cyberspace. '
  const paragraphs: string[] = []
  const notes: string[] = []
  let n = 0
  for (let s = 1; s <= 3; s++) {
    const body: string[] = [`<h2 id="h${s}">Section ${s}</h2>`]
    for (let p = 0; p < 5; p++) {
      const refs = p % 2 === 0 ? [++n, ++n] : [++n]
      const text =
        sentence.repeat(3 + p) +
        refs.map((r) => `Claim ${r}<sup><a href="#fn-${r}" id="fnref-${r}" data-footnote-ref>${r}</a></sup>. `).join('') +
        sentence.repeat(2)
      body.push(`<p id="p${s}-${p}">${text}</p>`)
    }
    paragraphs.push(`<section class="thesis" data-pp-break data-pp-section="s${s}">${body.join('')}</section>`)
  }
  for (let r = 1; r <= n; r++)
    notes.push(`<div class="pp-note" id="fn-${r}"><p id="n${r}">Note ${r}: ${'a source of the claim, '.repeat(1 + (r % 3))}end.</p></div>`)
  const faces = facesFor(paragraphs.join('') + notes.join('') + 'Page of 0123456789', packageFaces('@fontsource/noto-serif'))
  for (const face of faces) resources.file(folderUrl(dirname(face.path)) + face.fileName, face.path)
  const css = [
    faces.map((face) => fontFaceCss([face], folderUrl(dirname(face.path)))).join('\n'),
    readFileSync(join(repoRoot, 'templates/pdf.css'), 'utf8'),
    pageCss(pageGeometry('A5'), {
      dir: 'ltr',
      fontFamily: "'Noto Serif'",
      title: 'Test',
      sections: new Map([1, 2, 3].map((s) => [`s${s}`, `Section ${s}`])),
      pageOf: 'Page {{page}} of {{total}}',
    }),
  ].join('\n')
  return (
    `<!doctype html><html lang="en" dir="ltr"><head><meta charset="utf-8"><style>${css}</style></head>` +
    `<body><div id="pp-source">${paragraphs.join('')}</div><div id="pp-note-source">${notes.join('')}</div>` +
    '<div id="pp-pages"></div></body></html>'
  )
}

describe('the paginator', () => {
  const session = new BrowserSession()
  after(() => session.close())

  it("should keep 3 lines at each side of a paragraph break, put every note on its reference's page and never overflow (A5)", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'press-paginate-'))
    const resources = new PageResources()
    const url = resources.text('doc.html', document(resources))
    const pdf = join(dir, 'doc.pdf')
    const { result, facts } = await session.withPage(resources, async (page) => {
      await page.emulateMediaType('print')
      await page.goto(url)
      const result = await paginate(page, { orphans: 3, widows: 3 })
      const facts = (await page.evaluate(`(() => {
      const lines = (el) => { const r = document.createRange(); r.selectNodeContents(el); \
const tops = new Set([...r.getClientRects()].filter((x) => x.width > 0).map((x) => Math.round(x.bottom))); return tops.size }
      const pageOf = (el) => el.closest('.pp-page')
      return {
        splits: [...document.querySelectorAll('p.pp-split')].map((p) => lines(p)),
        continuations: [...document.querySelectorAll('p.pp-cont')].map((p) => lines(p)),
        notes: [...document.querySelectorAll('a[data-footnote-ref]')].map((a) => \
pageOf(a) === pageOf(document.getElementById(a.getAttribute('href').slice(1))) && \
document.getElementById(a.getAttribute('href').slice(1)).closest('.pp-notes') !== null),
        headingsAtFoot: [...document.querySelectorAll('.pp-body h2')].filter((h) => !h.nextElementSibling).length,
      }
    })()`)) as { splits: number[]; continuations: number[]; notes: boolean[]; headingsAtFoot: number }
      writeFileSync(pdf, await page.pdf({ preferCSSPageSize: true }))
      return { result, facts }
    })

    assert.deepEqual(result.warnings, [])
    assert.ok(facts.splits.length >= 3, `only ${facts.splits.length} paragraphs split: the test does not exercise splitting`)
    for (const count of [...facts.splits, ...facts.continuations]) assert.ok(count >= 3, `a paragraph part of ${count} lines`)
    assert.equal(facts.notes.length, 24)
    assert.ok(facts.notes.every(Boolean), "a note is not at the foot of its reference's page")
    assert.equal(facts.headingsAtFoot, 0)
    assert.equal(Number(/Pages:\s+(\d+)/.exec(tool('pdfinfo', [pdf]))![1]), result.pages, 'Chromium printed more pages than planned')
    assert.match(tool('pdfinfo', [pdf]), /Page size:\s+420 x 594\.96 pts \(A5\)/)
  })
})
