import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { before, describe, it } from 'node:test'
import { buildInto, languages, pdfinfo, pdfPath, publicationId, sharedPdfs } from './tools.ts'

const sha256 = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex')

describe('PDF reproducibility and the download page', () => {
  let first = ''
  let second = ''
  before(async () => {
    // Both rendered: a cached build would only show that the cache restores bytes. The first is the run's shared
    // build (made with an empty cache), the second renders everything again from the same copy of the project.
    const shared = await sharedPdfs()
    first = shared.out
    second = await buildInto(['html', 'pdf'], { cache: false, root: shared.root })
  })

  it('should give byte-identical PDFs from two builds of the same inputs', () => {
    for (const lang of languages) assert.equal(sha256(pdfPath(first, lang)), sha256(pdfPath(second, lang)), lang)
  })

  it('should date the PDFs from SOURCE_DATE_EPOCH, not the clock', () => {
    const info = pdfinfo(pdfPath(first, 'en'))
    assert.match(info.CreationDate ?? '', /2019/)
    assert.equal(info.CreationDate, info.ModDate)
  })

  it('should list every edition file in manifest.json with its real size, sha256 and pages', () => {
    const manifest = JSON.parse(readFileSync(join(first, publicationId, 'manifest.json'), 'utf8')) as {
      editions: { language: string; format: string; path: string; size: number; sha256: string; pages?: number }[]
    }
    for (const lang of languages) {
      for (const format of ['html', 'pdf']) {
        const entry = manifest.editions.find((e) => e.language === lang && e.format === format)
        assert.ok(entry, `${lang} ${format} missing`)
        const file = join(first, entry.path)
        assert.equal(entry.sha256, sha256(file))
        assert.equal(entry.size, readFileSync(file).length)
        if (format === 'pdf') assert.equal(entry.pages, Number(pdfinfo(file).Pages))
      }
    }
    assert.equal(
      readFileSync(join(first, publicationId, 'manifest.json'), 'utf8'),
      readFileSync(join(second, publicationId, 'manifest.json'), 'utf8'),
    )
  })

  it('should write a localized download page per language, each linking every edition and every other language', () => {
    const manifest = JSON.parse(readFileSync(join(first, publicationId, 'manifest.json'), 'utf8')) as {
      editions: { path: string; sha256: string }[]
    }
    const pages = languages.map((lang) => (lang === 'en' ? 'index.html' : `index.${lang}.html`))
    languages.forEach((lang, i) => {
      const html = readFileSync(join(first, pages[i]!), 'utf8')
      assert.match(html, new RegExp(`<html lang="${lang}" dir="${lang === 'ar' ? 'rtl' : 'ltr'}"`))
      for (const edition of manifest.editions) {
        assert.ok(html.includes(`href="${edition.path}"`), `${pages[i]}: no link to ${edition.path}`)
        assert.ok(html.includes(edition.sha256), `${pages[i]}: no checksum for ${edition.path}`)
      }
      for (const other of pages.filter((p) => p !== pages[i]))
        assert.ok(html.includes(`href="${other}"`), `${pages[i]}: no link to ${other}`)
    })
    assert.match(readFileSync(join(first, 'index.zh.html'), 'utf8'), /下载|页/)
    assert.match(readFileSync(join(first, 'index.fr.html'), 'utf8'), /pages/)
  })
})
