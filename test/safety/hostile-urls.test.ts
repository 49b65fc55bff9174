/**
 * Hostile links and images are refused where they enter: in a source (at the
 * Markdown's line:column), in a translation file (at the link's line:column in
 * the JSON) and in an imported file (at the unit), by build, check and import.
 */
import assert from 'node:assert/strict'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, it } from 'node:test'
import { copyProject, press, publicationId, read, sourcePath, write } from '../helpers/project.ts'

const script = 'Link to a "javascript:" URL is not allowed'
/** Each hostile form, and the start of the error it must give. */
const forms: [string, string][] = [
  ['[x](javascript:alert(1))', script],
  ['<javascript:alert(1)>', script],
  ['[x](&#106;avascript:alert(1))', script],
  ['[x](JaVaScRiPt&#58;alert(1))', script],
  ['[x](<java\tscript:alert(1)>)', script],
  ['[x](java&#9;script:alert(1))', script],
  ['[x](java&#x0A;script&#x3A;alert(1))', script],
  ['[x](%6Aava%73cript:alert(1))', script],
  ['![i](javascript:alert(1))', 'Image from a "javascript:" URL is not allowed'],
  ['[x](data:text/html,%3Cscript%3Ealert(1)%3C/script%3E)', 'Link to a "data:" URL is not allowed'],
  ['![i](data:image/svg+xml,%3Csvg%20onload%3Dalert(1)%3E)', 'Image from a "data:" URL is not allowed'],
  ['[x](vbscript:msgbox(1))', 'Link to a "vbscript:" URL is not allowed'],
  ['[x](file:///etc/passwd)', 'Link to a "file:" URL is not allowed'],
  ['![remote](https://example.org/logo.png)', 'Remote image is not allowed'],
]
const translationPath = `translations/fr/${publicationId}.json`

/** 1-based line and column of `offset` in `text`. */
function placeOf(text: string, offset: number): string {
  assert.ok(offset >= 0, 'needle found')
  const before = text.slice(0, offset).split('\n')
  return `${before.length}:${before[before.length - 1]!.length + 1}`
}

/** Assert `output` reports `reason` at `file:place`, once per expected place. */
function assertReported(output: string, file: string, place: string, reason: string): void {
  assert.ok(output.includes(`${file}:${place}: ${reason}`), `expected "${file}:${place}: ${reason}" in:\n${output}`)
}

describe('hostile URLs in a source', () => {
  const dir = copyProject()
  const original = read(dir, sourcePath)
  const lines = forms.map(([form]) => `Hostile ${form} here.`)
  const text = `${original.trimEnd()}\n\n${lines.join('\n\n')}\n\nA [reference][evil] link.\n\n[evil]: vbscript:msgbox(1)\n`
  write(dir, sourcePath, text)

  const expectAll = (output: string): void => {
    for (const [index, [form, reason]] of forms.entries()) {
      assertReported(output, sourcePath, placeOf(text, text.indexOf(lines[index]!) + 'Hostile '.length), reason)
      assert.ok(form.length > 0)
    }
    assertReported(output, sourcePath, placeOf(text, text.indexOf('[evil]: vbscript')), 'Link to a "vbscript:" URL is not allowed')
    assert.ok(output.includes("hint: Put the image file into the publication's folder"), output)
    assert.doesNotMatch(output, /\n\s+at /, 'no stack trace')
  }

  it('should make `press build` fail with each URL at its Markdown line:column and write no edition', () => {
    const run = press(dir, ['build', '--format', 'html'])
    assert.equal(run.status, 1)
    expectAll(run.stderr)
    assert.equal(existsSync(join(dir, 'dist')), false)
  })

  it('should make `press check` fail with the same positions', () => {
    const run = press(dir, ['check'])
    assert.equal(run.status, 1)
    expectAll(run.stderr + run.stdout)
  })
})

describe('hostile URLs in a translation file', () => {
  const dir = copyProject()
  const data = JSON.parse(read(dir, translationPath)) as { entries: Record<string, { text: string }> }
  const ids = Object.keys(data.entries)
  // A quote before the link: the column is counted in the file, through the JSON escapes.
  forms.forEach(([form], index) => {
    data.entries[ids[index]!]!.text = `Il a dit "oui" : ${form} ${data.entries[ids[index]!]!.text}`
  })
  const raw = JSON.stringify(data, null, 2) + '\n'
  write(dir, translationPath, raw)
  const bytes = readFileSync(join(dir, translationPath))

  const expectAll = (output: string): void => {
    for (const [form, reason] of forms) {
      assertReported(output, translationPath, placeOf(raw, raw.indexOf(JSON.stringify(form).slice(1, -1))), reason)
    }
    assert.doesNotMatch(output, /\n\s+at /, 'no stack trace')
  }

  it('should make `press build` fail with each URL at its line:column in the translation file', () => {
    const run = press(dir, ['build', '--format', 'html'])
    assert.equal(run.status, 1)
    expectAll(run.stderr)
    assert.equal(existsSync(join(dir, 'dist', publicationId, 'fr', 'index.html')), false)
    assert.deepEqual(readFileSync(join(dir, translationPath)), bytes)
  })

  it('should make `press check` and `press check --strict` fail with the same positions', () => {
    for (const args of [['check'], ['check', '--strict'], ['check', '--lang', 'fr']]) {
      const run = press(dir, args)
      assert.equal(run.status, 1, args.join(' '))
      expectAll(run.stderr + run.stdout)
    }
    assert.deepEqual(readFileSync(join(dir, translationPath)), bytes)
  })
})

describe('hostile URLs in an imported file', () => {
  const dir = copyProject()
  const bytes = readFileSync(join(dir, translationPath))

  it('should refuse an exchange JSON file with each hostile unit at its position and change nothing', () => {
    const exported = press(dir, ['export', '--lang', 'fr', '--format', 'json'])
    assert.equal(exported.status, 0, exported.stderr)
    const document = JSON.parse(exported.stdout) as { units: { id: string; target: string }[] }
    forms.forEach(([form], index) => {
      document.units[index]!.target = `${form} ${document.units[index]!.target}`
    })
    const raw = JSON.stringify(document, null, 2) + '\n'
    writeFileSync(join(dir, 'hostile.json'), raw)
    const run = press(dir, ['import', 'hostile.json'])
    assert.equal(run.status, 1)
    forms.forEach(([, reason], index) => {
      const unit = raw.lastIndexOf('{', raw.indexOf(`"id": "${document.units[index]!.id}"`))
      assertReported(run.stderr, 'hostile.json', placeOf(raw, unit), reason)
    })
    assert.deepEqual(readFileSync(join(dir, translationPath)), bytes)
  })

  it('should refuse an XLIFF whose original data turns a link code into a script link', () => {
    const exported = press(dir, ['export', '--lang', 'fr', '--format', 'xliff2'])
    assert.equal(exported.status, 0, exported.stderr)
    const xml = exported.stdout.replace('&lt;https://internetworldstats.com/stats.htm&gt;', '&lt;javascript:alert(1)&gt;')
    assert.notEqual(xml, exported.stdout)
    writeFileSync(join(dir, 'hostile.xlf'), xml)
    const run = press(dir, ['import', 'hostile.xlf'])
    assert.equal(run.status, 1)
    const unit = xml.lastIndexOf('<unit ', xml.indexOf('&lt;javascript:alert(1)&gt;'))
    assertReported(run.stderr, 'hostile.xlf', placeOf(xml, unit), script)
    assert.deepEqual(readFileSync(join(dir, translationPath)), bytes)
  })
})

describe('control characters in imported units', () => {
  it('should refuse an XLIFF target that decodes to a control character (&#x7;), at the unit, and change nothing', () => {
    const dir = copyProject()
    const bytes = readFileSync(join(dir, translationPath))
    const xliff = press(dir, ['export', '--lang', 'fr', '--format', 'xliff2']).stdout
    const cases: [string, string][] = [['control.xlf', xliff.replace(/<target>([^<]{10})/, '<target>$1&#x7;')]]
    for (const [name, text] of cases) {
      assert.notEqual(text, xliff, name)
      writeFileSync(join(dir, name), text)
      const run = press(dir, ['import', name])
      assert.equal(run.status, 1, `${name}: ${run.stdout}${run.stderr}`)
      assert.match(run.stderr, new RegExp(`^${name.replace('.', '\\.')}:\\d+:\\d+: .*U\\+0007`, 'm'), run.stderr)
      assert.doesNotMatch(run.stderr, /^\s+at /m)
      assert.deepEqual(readFileSync(join(dir, translationPath)), bytes)
    }
  })
})
