import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { DOMParser } from '@xmldom/xmldom'
import { exportTranslation } from '../../src/commands/export.ts'
import { addComments } from './comments-fixture.ts'
import { tempProject } from './helpers.ts'

describe('exports with comments read by translation tools', () => {
  let project: ReturnType<typeof tempProject>
  before(async () => {
    project = tempProject()
    await addComments(project.root)
  })
  after(() => project.cleanup())
  const write = async (format: 'po' | 'xliff12' | 'xliff2', name: string): Promise<string> => {
    const file = join(project.root, name)
    writeFileSync(file, (await exportTranslation({ root: project.root, language: 'fr', format })).text)
    return file
  }

  it('should write a PO file with translator comments that msgfmt -c accepts and msgcat keeps', async () => {
    const file = await write('po', 'fr.po')
    execFileSync('msgfmt', ['-c', '-o', '/dev/null', file])
    const again = execFileSync('msgcat', [file], { encoding: 'utf8' })
    assert.match(again, /^# c1 reply · Li Wei · 2019-10-20T08:30:00Z$/m)
    assert.match(again, /^# c1 · Ana · 2019-10-20T08:30:00Z · open · needs work$/m)
  })

  it('should write XLIFF 1.2 that xliff2po converts and whose notes translate-toolkit reads', async () => {
    const file = await write('xliff12', 'fr.xliff')
    const po = join(project.root, 'fr-from-xliff.po')
    execFileSync('xliff2po', ['-i', file, '-o', po], { stdio: 'pipe' })
    execFileSync('msgfmt', ['--check-format', '-o', '/dev/null', po])
    // xliff2po keeps only notes from "translator" or "developer"; the toolkit's XLIFF reader gives every note.
    const script =
      'import json,sys\nfrom translate.storage import xliff\n' +
      'print(json.dumps([u.getnotes() for u in xliff.xlifffile.parsefile(sys.argv[1]).units]))'
    const notes = JSON.parse(execFileSync('/usr/bin/python3', ['-c', script, file], { encoding: 'utf8' })) as string[]
    assert.equal(notes.length, 25)
    const first = ['Vérifier « cyberespace » & <la> date.', 'C’est vérifié.', 'La ponctuation aussi.']
    assert.deepEqual(notes[0]!.split('\n').slice(1), first)
    assert.match(notes[1]!, /Le chiffre ne correspond pas\./)
  })

  it('should write well-formed XLIFF 2 with one note per comment and reply', async () => {
    const text = readFileSync(await write('xliff2', 'fr.xlf'), 'utf8')
    const errors: string[] = []
    const doc = new DOMParser({ onError: (level, message) => void errors.push(`${level}: ${message}`) }).parseFromString(text, 'text/xml')
    assert.deepEqual(errors, [])
    const notes = [...doc.getElementsByTagNameNS('urn:oasis:names:tc:xliff:document:2.0', 'note')]
    const ours = notes.filter((n) => n.getAttribute('category')?.startsWith('press:'))
    assert.deepEqual(
      ours.map((n) => n.getAttribute('id')),
      ['c1', 'c1.r1', 'c2', 'c1', 'c1'],
    )
  })
})
