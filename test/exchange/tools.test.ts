import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { DOMParser } from '@xmldom/xmldom'
import { exportTranslation } from '../../src/commands/export.ts'
import { tempProject, varyStates } from './helpers.ts'

/** pocount's counts for one file: { translated, fuzzy, untranslated } in units. */
function pocount(file: string): Record<string, number> {
  const out = execFileSync('pocount', ['--csv', file], { encoding: 'utf8' })
  const row = out
    .trim()
    .split('\n')
    .pop()!
    .split(',')
    .map((s) => s.trim())
  // Filename, Translated Messages, Translated Source Words, Translated Target Words, Fuzzy Messages, Fuzzy Source Words,
  // Untranslated Messages, …, Total Message
  return { translated: Number(row[1]), fuzzy: Number(row[4]), untranslated: Number(row[6]) }
}

describe('exports read by translation tools', () => {
  let project: ReturnType<typeof tempProject>
  before(() => {
    project = tempProject()
    varyStates(project.root, 'fr') // one stale, one reviewed, one missing
  })
  after(() => project.cleanup())

  it('should write a PO file that msgfmt --check accepts, with one message per block and the right states', async () => {
    const file = join(project.root, 'fr.po')
    writeFileSync(file, (await exportTranslation({ root: project.root, language: 'fr', format: 'po' })).text)
    execFileSync('msgfmt', ['--check', '-o', '/dev/null', file])
    assert.deepEqual(pocount(file), { translated: 23, fuzzy: 1, untranslated: 1 })
    const text = (await exportTranslation({ root: project.root, language: 'fr', format: 'po' })).text
    assert.equal(text.match(/^msgctxt /gm)?.length, 25)
    assert.match(text, /#, fuzzy\n#\| msgid "[^\n]*\(an earlier wording\)"\nmsgctxt/)
  })

  it('should write XLIFF 1.2 that xliff2po converts, with one unit per block and the right states', async () => {
    const file = join(project.root, 'fr.xlf')
    writeFileSync(file, (await exportTranslation({ root: project.root, language: 'fr', format: 'xliff12' })).text)
    const po = join(project.root, 'fr-from-xliff.po')
    execFileSync('xliff2po', ['-i', file, '-o', po], { stdio: 'pipe' })
    execFileSync('msgfmt', ['--check-format', '-o', '/dev/null', po])
    assert.deepEqual(pocount(po), { translated: 23, fuzzy: 1, untranslated: 1 })
  })

  it('should write well-formed, structurally valid XLIFF 2 with paired inline codes', async () => {
    const text = (await exportTranslation({ root: project.root, language: 'fr', format: 'xliff2' })).text
    const errors: string[] = []
    const doc = new DOMParser({ onError: (level, message) => void errors.push(`${level}: ${message}`) }).parseFromString(text, 'text/xml')
    assert.deepEqual(errors, [])
    const NS = 'urn:oasis:names:tc:xliff:document:2.0'
    const root = doc.documentElement!
    assert.equal(root.namespaceURI, NS)
    assert.equal(root.getAttribute('version'), '2.0')
    assert.equal(root.getAttribute('srcLang'), 'en')
    assert.equal(root.getAttribute('trgLang'), 'fr')
    const units = [...doc.getElementsByTagNameNS(NS, 'unit')]
    const ids = units.map((u) => u.getAttribute('id'))
    assert.equal(ids.length, 25)
    assert.equal(new Set(ids).size, 25)
    const states = units.map((u) => u.getElementsByTagNameNS(NS, 'segment')[0]!.getAttribute('state'))
    assert.deepEqual(
      [
        states.filter((s) => s === 'translated').length,
        states.filter((s) => s === 'reviewed').length,
        states.filter((s) => s === 'initial').length,
      ],
      [22, 1, 2],
    )
    let codes = 0
    for (const unit of units) {
      const data = new Set([...unit.getElementsByTagNameNS(NS, 'data')].map((d) => d.getAttribute('id')))
      const source = unit.getElementsByTagNameNS(NS, 'source')[0]!
      const target = unit.getElementsByTagNameNS(NS, 'target')[0]
      const idsIn = (e: typeof source) =>
        [...e.getElementsByTagNameNS(NS, 'ph'), ...e.getElementsByTagNameNS(NS, 'pc')].map((c) => c.getAttribute('id')).sort()
      for (const code of [...unit.getElementsByTagNameNS(NS, 'ph')])
        assert.ok(data.has(code.getAttribute('dataRef')), 'ph refers to its data')
      for (const code of [...unit.getElementsByTagNameNS(NS, 'pc')])
        assert.ok(data.has(code.getAttribute('dataRefStart')) && data.has(code.getAttribute('dataRefEnd')))
      if (target) assert.deepEqual(idsIn(target), idsIn(source), `codes of ${unit.getAttribute('id')} pair up`)
      codes += idsIn(source).length
    }
    assert.ok(codes >= 5, 'footnote references and autolinks are inline codes')
    assert.match(text, /<ph id="1" type="link" dataRef="d1" disp="\[\^1\]"\/>/)
  })
})
