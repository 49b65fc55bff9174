import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { copyProject, lineOf, press, publicationId, read, write } from '../helpers/project.ts'

describe('a translation that is not one block of inline text', () => {
  it("should be reported at its entry's line and column in the translation file, and shown as text", () => {
    const dir = copyProject()
    const path = `translations/fr/${publicationId}.json`
    const file = JSON.parse(read(dir, path)) as { entries: Record<string, { text: string }> }
    file.entries['p-fps7yc']!.text = '1. Une liste'
    const text = JSON.stringify(file, null, 2) + '\n'
    write(dir, path, text)
    const line = lineOf(text, '"text": "1. Une liste"')
    const column = text.split('\n')[line - 1]!.indexOf('"1. Une') + 1
    const run = press(dir, ['build', '--format', 'html', '--lang', 'fr'])
    assert.equal(run.status, 0, run.stderr)
    assert.match(
      run.stderr,
      new RegExp(
        `^${path}:${line}:${column}: warning: ` +
          'The fr translation of p-fps7yc parses as a list, not inline text; it is shown as plain text\\.$',
        'm',
      ),
    )
    assert.match(read(dir, `dist/${publicationId}/fr/index.html`), /<p id="p-fps7yc">1\. Une liste/)
  })
})
