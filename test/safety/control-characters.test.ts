import assert from 'node:assert/strict'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, it } from 'node:test'
import { copyProject, press, sourcePath } from '../helpers/project.ts'
import { filesUnder, stackLine } from './snapshot.ts'

const frPath = 'translations/fr/wuzhen-outlook-2019.json'
const uiPath = 'translations/fr/ui.json'

/** Put `bytes` into `path` at the byte offset `at` (default: the end); returns the project copy and its files. */
function withBytes(path: string, edit: (original: Buffer) => Buffer): { dir: string; before: Map<string, Buffer> } {
  const dir = copyProject()
  const file = join(dir, path)
  writeFileSync(file, edit(readFileSync(file)))
  return { dir, before: filesUnder(dir) }
}

function refuses(dir: string, before: Map<string, Buffer>, args: string[], expected: string): void {
  const run = press(dir, args)
  assert.equal(run.status, 1, run.stdout + run.stderr)
  assert.ok(run.stderr.includes(expected), `expected ${JSON.stringify(expected)} in:\n${run.stderr}`)
  assert.doesNotMatch(run.stderr + run.stdout, stackLine)
  assert.deepEqual(filesUnder(dir), before)
}

/** Line and column (1-based) where `needle` starts in `text`. */
function placeOf(text: string, needle: string): string {
  const offset = text.indexOf(needle)
  assert.ok(offset >= 0, needle)
  const lines = text.slice(0, offset).split('\n')
  return `${lines.length}:${lines.at(-1)!.length + 1}`
}

describe('control characters, invalid UTF-8 and byte order marks', () => {
  it('should refuse a NUL byte in a source with its line and column', () => {
    const original = readFileSync(join(copyProject(), sourcePath), 'utf8')
    const needle = 'Cyberspace'
    const { dir, before } = withBytes(sourcePath, (bytes) => Buffer.from(bytes.toString('utf8').replace(needle, `${needle}\u0000`)))
    const [line, column] = placeOf(original, needle).split(':').map(Number)
    refuses(
      dir,
      before,
      ['check'],
      `${sourcePath}:${line}:${column! + needle.length}: This Markdown source contains the control character U+0000 (NUL).`,
    )
  })

  it('should refuse invalid UTF-8 in a source at the first bad byte', () => {
    const { dir, before } = withBytes(sourcePath, (bytes) =>
      Buffer.concat([Buffer.from('# Caf'), Buffer.from([0xe9]), Buffer.from('\n\n'), bytes]),
    )
    refuses(dir, before, ['check'], `${sourcePath}:1:6: This Markdown source is not valid UTF-8 (byte 0xE9 at byte offset 5).`)
  })

  it('should refuse a NUL byte in a translation file with its line and column', () => {
    const text = readFileSync(join(copyProject(), frPath), 'utf8')
    const { dir, before } = withBytes(frPath, () => Buffer.from(text.replace('"text": "', '"text": "\u0000')))
    const [line, column] = placeOf(text, '"text": "').split(':').map(Number)
    refuses(dir, before, ['check'], `${frPath}:${line}:${column! + 9}: This translation file contains the control character U+0000 (NUL).`)
  })

  it('should refuse invalid UTF-8 in a translation file at the first bad byte', () => {
    const text = readFileSync(join(copyProject(), frPath), 'utf8')
    const at = Buffer.byteLength(text.slice(0, text.indexOf('"text": "') + 9))
    const { dir, before } = withBytes(frPath, (bytes) =>
      Buffer.concat([bytes.subarray(0, at), Buffer.from([0xc3, 0x28]), bytes.subarray(at)]),
    )
    const [line, column] = placeOf(text, '"text": "').split(':').map(Number)
    refuses(
      dir,
      before,
      ['check'],
      `${frPath}:${line}:${column! + 9}: This translation file is not valid UTF-8 (byte 0xC3 at byte offset ${at}).`,
    )
  })

  it('should refuse a \\u0000 escape in a translation string at the string', () => {
    const text = readFileSync(join(copyProject(), frPath), 'utf8')
    const { dir, before } = withBytes(frPath, () => Buffer.from(text.replace('"text": "', '"text": "\\u0000')))
    refuses(dir, before, ['check'], `${frPath}:${placeOf(text, '"text": "').split(':')[0]}:`)
    const run = press(dir, ['check'])
    assert.match(run.stderr, /contains U\+0000 \(NUL\) \(written as a \\u escape\)/)
  })

  it('should refuse a lone surrogate escape in ui.json at the string', () => {
    const text = readFileSync(join(copyProject(), uiPath), 'utf8')
    const key = /"([^"]+)": "/.exec(text.slice(text.indexOf('"strings"') + 10))![0]
    const { dir, before } = withBytes(uiPath, () => Buffer.from(text.replace(key, `${key}\\ud800`)))
    const [line, column] = placeOf(text, key).split(':').map(Number)
    refuses(
      dir,
      before,
      ['check'],
      `${uiPath}:${line}:${column! + key.length - 1}: ` +
        'A string in this interface strings file contains U+D800 (a lone surrogate) (written as a \\u escape).',
    )
  })

  it('should build a BOM-prefixed source and translation file like the same files without a BOM', () => {
    const plain = copyProject()
    const bom = copyProject()
    for (const path of [sourcePath, frPath])
      writeFileSync(join(bom, path), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), readFileSync(join(bom, path))]))
    const before = filesUnder(bom)
    const args = ['build', '--format', 'html', '--lang', 'fr']
    const a = press(plain, args)
    const b = press(bom, args)
    assert.equal(b.status, 0, b.stderr)
    assert.equal(a.status, 0, a.stderr)
    const page = 'dist/wuzhen-outlook-2019/fr/index.html'
    assert.equal(readFileSync(join(bom, page), 'utf8'), readFileSync(join(plain, page), 'utf8'))
    assert.deepEqual(filesUnder(bom), before)
  })
})
