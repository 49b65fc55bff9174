import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { describe, it } from 'node:test'
import { languageFonts, scriptPackages } from '../../src/outputs/font-registry.ts'
import { packageFaces } from '../../src/outputs/fonts.ts'
import { languageInfo } from '../../src/project/languages.ts'
import { lineOf, press, read, write } from '../helpers/project.ts'
import { configPath, copyFixture, fixtureId } from './fixture.ts'

const settings = { dir: '/nowhere', root: '/nowhere', configPath: 'publication.yaml' }

/** Outline format of a WOFF2 file from its table directory: TrueType (glyf) or CFF. */
function outlines(path: string): string {
  const data = readFileSync(path)
  assert.equal(data.toString('latin1', 0, 4), 'wOF2')
  const count = data.readUInt16BE(12)
  let offset = 48
  const base128 = (): void => {
    for (let i = 0; i < 5; i++) if (!(data[offset++]! & 0x80)) return
  }
  const tags: string[] = []
  for (let i = 0; i < count; i++) {
    const flags = data[offset++]!
    const known = flags & 0x3f
    const tag =
      known === 63
        ? data.toString('latin1', offset, (offset += 4))
        : (({ 10: 'glyf', 11: 'loca', 13: 'CFF ' } as Record<number, string>)[known] ?? String(known))
    tags.push(tag)
    base128()
    const transform = (flags >> 6) & 3
    if (tag === 'glyf' || tag === 'loca' ? transform === 0 : transform !== 0) base128()
  }
  return tags.includes('glyf') ? 'TrueType' : tags.includes('CFF ') || tags.includes('CFF2') ? 'CFF' : 'unknown'
}

describe('the font registry', () => {
  it('should pick the face by the language tag, Han by language', () => {
    const family = (tag: string) => languageFonts(settings, tag).families
    assert.deepEqual(family('ja'), ['Noto Serif JP', 'Noto Serif'])
    assert.deepEqual(family('zh-Hant'), ['Noto Serif TC', 'Noto Serif'])
    assert.deepEqual(family('zh-TW'), ['Noto Serif TC', 'Noto Serif'])
    assert.deepEqual(family('zh'), ['Noto Serif SC', 'Noto Serif'])
    assert.deepEqual(family('ko'), ['Noto Serif KR', 'Noto Serif'])
    assert.deepEqual(family('he'), ['Noto Serif Hebrew', 'Noto Serif'])
    assert.deepEqual(family('hi'), ['Noto Serif Devanagari', 'Noto Serif'])
    assert.deepEqual(family('bn'), ['Noto Serif Bengali', 'Noto Serif'])
    assert.deepEqual(family('ta'), ['Noto Serif Tamil', 'Noto Serif'])
    assert.deepEqual(family('th'), ['Noto Serif Thai', 'Noto Serif'])
    assert.deepEqual(family('hy'), ['Noto Serif Armenian', 'Noto Serif'])
    assert.deepEqual(family('ka'), ['Noto Serif Georgian', 'Noto Serif'])
    assert.deepEqual(family('am'), ['Noto Sans Ethiopic', 'Noto Serif'])
    assert.deepEqual(family('fa'), ['Noto Naskh Arabic', 'Noto Serif'])
    for (const tag of ['el', 'ru', 'sr-Latn', 'sr-Cyrl', 'pt-BR', 'de']) assert.deepEqual(family(tag), ['Noto Serif'], tag)
    assert.deepEqual(languageFonts({ ...settings, fonts: { ja: '@fontsource/noto-serif-sc' } }, 'ja').families, [
      'Noto Serif SC',
      'Noto Serif',
    ])
  })

  it('should bundle only TrueType-outline fonts (CFF would become Type 3 in the PDFs)', () => {
    for (const pkg of new Set(Object.values(scriptPackages))) {
      const kinds = new Set(packageFaces(pkg).map((face) => outlines(face.path)))
      assert.deepEqual([...kinds], ['TrueType'], pkg)
    }
  })

  it('should take direction and plural forms from the tag', () => {
    assert.equal(languageInfo('he')?.dir, 'rtl')
    assert.equal(languageInfo('ur')?.dir, 'rtl')
    assert.equal(languageInfo('zh-Hant')?.dir, 'ltr')
    assert.deepEqual(languageInfo('zh-Hant')?.pluralCategories, ['other'])
    assert.equal(languageInfo('sr-Latn')?.englishName, 'Serbian (Latin)')
    assert.equal(languageInfo('qqq'), undefined)
  })
})

describe('a character no configured font covers', () => {
  it('should fail the build at the first block that uses it, naming the script', () => {
    const dir = copyFixture()
    assert.equal(press(dir, ['add-language', 'am']).status, 0)
    const path = `translations/am/${fixtureId}.json`
    const file = JSON.parse(read(dir, path))
    const id = Object.keys(file.entries)[0]!
    file.entries[id] = { ...file.entries[id], state: 'translated', text: 'በቋንቋዎች መካከል ማንበብ' }
    write(dir, path, JSON.stringify(file, null, 2) + '\n')
    // With the bundled Ethiopic font the edition builds.
    const ok = press(dir, ['build', '--lang', 'am', '--format', 'html'])
    assert.equal(ok.status, 0, ok.stderr)
    // A fonts: setting that leaves Ethiopic uncovered.
    write(dir, configPath, read(dir, configPath) + 'fonts:\n  am: "@fontsource/noto-serif"\n')
    const run = press(dir, ['build', '--lang', 'am', '--format', 'html'])
    assert.equal(run.status, 1)
    const line = lineOf(read(dir, path), `"${id}"`)
    assert.match(
      run.stderr,
      new RegExp(
        `^${path.replace(/\./g, '\\.')}:${line}:5: "በ" \\(U\\+1260, Ethiopic script\\) ` +
          'is not covered by any font configured for am \\(Noto Serif\\)\\.',
        'm',
      ),
    )
    assert.match(run.stderr, /hint: Install a font package that covers the Ethiopic script/)
    assert.equal((run.stderr.match(/Ethiopic script\)/g) ?? []).length, 1, 'one message per script')
  })

  it('should fail on text of another script in a source block, at its line and column', () => {
    const dir = copyFixture()
    const md = `content/${fixtureId}/closing.md`
    write(dir, md, read(dir, md).replace('Good tools make careful work easier', 'Good tools (ገ) make careful work easier'))
    assert.equal(press(dir, ['ids']).status, 0)
    const run = press(dir, ['build', '--lang', 'en', '--format', 'html'])
    assert.equal(run.status, 1)
    assert.match(
      run.stderr,
      new RegExp(
        `^${md}:${lineOf(read(dir, md), 'Good tools')}:1: "ገ" \\(U\\+1308, Ethiopic script\\) is not covered by any font configured for en`,
        'm',
      ),
    )
  })
})
