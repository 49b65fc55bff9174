import assert from 'node:assert/strict'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { exportTranslation } from '../../src/commands/export.ts'
import { importTranslation } from '../../src/commands/import.ts'
import { PressError } from '../../src/util/problems.ts'
import { snapshot, tempProject } from './helpers.ts'

describe('refusing bad exchange files', () => {
  let project: ReturnType<typeof tempProject>
  const exports: Record<string, string> = {}
  before(async () => {
    project = tempProject()
    for (const format of ['xliff2', 'xliff12', 'po'] as const)
      exports[format] = (await exportTranslation({ root: project.root, language: 'fr', format })).text
  })
  after(() => project.cleanup())

  const refuses = (name: string, make: () => string, rule: string, line?: number) =>
    it(`should refuse ${name} with a position and leave translations/ unchanged`, async () => {
      const before = snapshot(project.root)
      const file = join(project.root, `bad-${rule}.txt`)
      writeFileSync(file, make())
      await assert.rejects(importTranslation({ root: project.root, file }), (error: unknown) => {
        assert.ok(error instanceof PressError, String(error))
        const message = error.messages[0]!
        assert.equal(message.ruleId, rule, message.reason)
        assert.ok(message.line !== undefined && message.line > 0, `${message.reason} has a line`)
        if (line !== undefined) assert.equal(message.line, line)
        return true
      })
      assert.deepEqual(snapshot(project.root), before)
    })

  refuses('malformed XML', () => exports.xliff2!.replace('</target>', '</source>'), 'malformed-xml')
  refuses('a malformed PO file', () => exports.po!.replace('msgstr ""\n"Cette', 'msgstr ""\n"Cet"te'), 'malformed-po')
  refuses('a wrong language', () => exports.xliff2!.replace('trgLang="fr"', 'trgLang="de"'), 'wrong-language', 2)
  refuses('an unknown paragraph ID', () => exports.xliff12!.replace(/<trans-unit id="[^"]+"/, '<trans-unit id="p-nope00"'), 'unknown-id', 5)
  refuses(
    'a duplicated paragraph ID (XLIFF)',
    () => {
      const ids = [...exports.xliff2!.matchAll(/<unit id="([^"]+)"/g)].map((m) => m[1]!)
      return exports.xliff2!.replace(`<unit id="${ids[1]}"`, `<unit id="${ids[0]}"`)
    },
    'duplicate-id',
  )
  refuses(
    'a duplicated paragraph ID (PO)',
    () => {
      const ids = [...exports.po!.matchAll(/^msgctxt "([^"]+)"/gm)].map((m) => m[1]!)
      return exports.po!.replace(`msgctxt "${ids[1]}"`, `msgctxt "${ids[0]}"`)
    },
    'duplicate-id',
  )
  refuses(
    'an inline code opened but never closed',
    () => exports.xliff2!.replace(/(<target>[^<]*)<ph id="1"([^>]*)\/>/, '$1<sc id="1" dataRef="d1"/>'),
    'broken-inline-code',
  )
  refuses(
    'an inline code that has no Markdown behind it',
    () => exports.xliff12!.replace(/(<target state="translated">[^<]*<x id=")1"[^>]*\/>/, '$1t9"/>'),
    'broken-inline-code',
  )
  refuses('an element that is not an inline code', () => exports.xliff2!.replace(/<target>/, '<target><b>bold</b>'), 'broken-inline-code')
  refuses(
    'emphasis codes that would not survive as Markdown',
    () => {
      const xml = exports.xliff2!.replace(/<target>([^<]{5})/, '<target>$1<pc id="t1" dataRefStart="dx" dataRefEnd="dx"> spaced </pc>')
      return xml.replace(/<originalData>/, '<originalData>\n        <data id="dx">**</data>')
    },
    'broken-inline-code',
  )
})
