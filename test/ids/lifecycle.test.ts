import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { copyProject, lockPath, press, publicationId, read, sourcePath, targets, write } from '../helpers/project.ts'

const file = (lang: string): string => `translations/${lang}/${publicationId}.json`
const lines = (text: string): string[] => text.split('\n')
const lockIds = (dir: string): string[] => JSON.parse(read(dir, lockPath)).blocks.map((b: { id: string }) => b.id)

/** Section III (heading and its paragraphs), as a block of source lines. */
function sectionThree(source: string): string {
  const all = lines(source)
  const start = all.findIndex((l) => l.startsWith('## III.'))
  const end = all.findIndex((l) => l.startsWith('## IV.'))
  return all.slice(start, end).join('\n')
}

describe('IDs and translations across a publication’s life', () => {
  it('should give a deleted and restored section its IDs and current translations back, in every language', () => {
    const dir = copyProject()
    const original = read(dir, sourcePath)
    const idsBefore = lockIds(dir)
    const filesBefore = new Map(targets.map((lang) => [lang, JSON.parse(read(dir, file(lang)))]))
    const section = sectionThree(original)
    assert.ok(section.length > 200)

    // Delete section III, then bring the lock and the translation files in line.
    write(dir, sourcePath, original.replace(section + '\n', ''))
    const deleted = press(dir, ['ids'])
    assert.equal(deleted.status, 0, deleted.stderr)
    const lockAfterDelete = JSON.parse(read(dir, lockPath))
    assert.equal(lockAfterDelete.lockfileVersion, 2)
    const gone = idsBefore.filter((id) => !lockIds(dir).includes(id))
    assert.ok(gone.length >= 2, 'the heading and the paragraphs of section III are retired')
    assert.deepEqual(
      lockAfterDelete.retired.map((r: { id: string }) => r.id),
      gone,
    )
    for (const r of lockAfterDelete.retired) assert.ok(section.includes(r.text.slice(0, 40)), 'a retirement keeps its text')
    assert.match(deleted.stdout, new RegExp(`0 minted, ${gone.length} retired`))
    assert.equal(press(dir, ['sync']).status, 0)
    for (const lang of targets) {
      const data = JSON.parse(read(dir, file(lang)))
      assert.deepEqual(Object.keys(data.orphans), gone, `${lang}: the section's translations are orphans`)
    }

    // Restore it as git would (the file's bytes as before), and run ids and sync again.
    write(dir, sourcePath, original)
    const restored = press(dir, ['ids'])
    assert.equal(restored.status, 0, restored.stderr)
    assert.match(restored.stdout, new RegExp(`0 minted, 0 retired, 0 split, 0 merged, ${gone.length} revived`))
    for (const id of gone) assert.match(restored.stdout, new RegExp(`revived +${id} `))
    assert.deepEqual(lockIds(dir), idsBefore, 'the same IDs as before the deletion')
    assert.deepEqual(JSON.parse(read(dir, lockPath)).retired, [])
    const sync = press(dir, ['sync'])
    assert.equal(sync.status, 0, sync.stderr)
    for (const lang of targets) {
      const data = JSON.parse(read(dir, file(lang)))
      const before = filesBefore.get(lang)!
      assert.deepEqual(Object.keys(data.entries), idsBefore, `${lang}: entries in source order`)
      assert.deepEqual(data.entries, before.entries, `${lang}: the same current entries (state, source, text) as before`)
      for (const id of gone) assert.equal(data.entries[id].stale, undefined, `${lang} ${id} is current`)
      assert.deepEqual(data.orphans, {})
    }
    const status = press(dir, ['status', '--strict'])
    assert.equal(status.status, 0, status.stdout)
  })

  it('should keep the ID on a short intro when a paragraph becomes an intro, list items and a tail, in every language', () => {
    const dir = copyProject()
    const original = read(dir, sourcePath)
    const lock = JSON.parse(read(dir, lockPath)) as { blocks: { id: string; kind: string; text: string; hash: string }[] }
    // A paragraph of at least five sentences: the first becomes a short intro, three become items, the rest the tail.
    const split = (text: string): string[] => text.match(/[^.]+\.(\s+|$)/g)!.map((s) => s.trim())
    const block = lock.blocks.find((b) => b.kind === 'paragraph' && !b.text.includes('\n') && split(b.text).length >= 5)!
    const [intro, a, b, c, ...tail] = split(block.text)
    const listed = `${intro}\n\n- ${a}\n- ${b}\n- ${c}\n\n${tail.join(' ')}`
    const before = new Map(targets.map((lang) => [lang, JSON.parse(read(dir, file(lang))).entries[block.id]]))
    write(dir, sourcePath, original.replace(block.text, listed))
    const ids = press(dir, ['ids'])
    assert.equal(ids.status, 0, ids.stderr)
    assert.match(ids.stdout, new RegExp(`split +${block.id} `))
    const after = JSON.parse(read(dir, lockPath)).blocks as { id: string; text: string }[]
    const at = after.findIndex((x) => x.id === block.id)
    assert.equal(after[at]!.text, intro!, 'the first part in reading order keeps the ID, however short')
    const added = after.slice(at + 1, at + 5)
    assert.deepEqual(
      added.map((x) => x.text),
      [a, b, c, tail.join(' ')],
    )
    for (const x of added) assert.ok(!lock.blocks.some((old) => old.id === x.id), `${x.id} is minted`)
    assert.equal(press(dir, ['sync']).status, 0)
    for (const lang of targets) {
      const data = JSON.parse(read(dir, file(lang)))
      const entry = data.entries[block.id]
      assert.deepEqual(entry, { ...before.get(lang), stale: true }, `${lang}: the translation stays on the intro, stale`)
      assert.equal(entry.source, block.text, 'with the source it was made from, for the diff')
      for (const x of added) assert.deepEqual([data.entries[x.id].state, data.entries[x.id].text], ['initial', ''], `${lang} ${x.id}`)
      assert.deepEqual(data.orphans, {})
    }
  })

  it('should revive an edited restored paragraph with its translation marked stale', () => {
    const dir = copyProject()
    const original = read(dir, sourcePath)
    const section = sectionThree(original)
    write(dir, sourcePath, original.replace(section + '\n', ''))
    assert.equal(press(dir, ['ids']).status, 0)
    assert.equal(press(dir, ['sync', '--lang', 'fr']).status, 0)
    const retired = JSON.parse(read(dir, lockPath)).retired as { id: string; kind: string; text: string }[]
    const paragraph = retired.find((r) => r.kind === 'paragraph')!
    // Restored with one sentence reworded.
    const edited = paragraph.text.replace(/\.\s*$/, ', as many observers note.')
    write(dir, sourcePath, original.replace(paragraph.text, edited))
    const ids = press(dir, ['ids'])
    assert.match(ids.stdout, new RegExp(`revived +${paragraph.id} `))
    assert.equal(press(dir, ['sync', '--lang', 'fr']).status, 0)
    const fr = JSON.parse(read(dir, file('fr')))
    assert.equal(fr.entries[paragraph.id].stale, true)
    assert.equal(fr.entries[paragraph.id].source, paragraph.text, 'the source it was translated from, for the diff')
    for (const r of retired.filter((x) => x.id !== paragraph.id)) assert.equal(fr.entries[r.id].stale, undefined)
  })

  it('should read a version 1 lock and write version 2 when press ids next writes, keeping every ID', () => {
    const dir = copyProject()
    const v1 = read(dir, lockPath)
    assert.equal(JSON.parse(v1).lockfileVersion, 1, 'the bundled lock is version 1')
    write(dir, lockPath, v1.replace('"retired": []', '"retired": ["p-old000"]'))
    assert.equal(press(dir, ['build', '--format', 'html', '--lang', 'en']).status, 0, 'a version 1 lock builds')
    assert.equal(JSON.parse(read(dir, lockPath)).lockfileVersion, 1, 'a build does not rewrite it')
    const run = press(dir, ['ids'])
    assert.equal(run.status, 0, run.stderr)
    const lock = JSON.parse(read(dir, lockPath))
    assert.equal(lock.lockfileVersion, 2)
    assert.deepEqual(lock.blocks, JSON.parse(v1).blocks)
    assert.deepEqual(lock.retired, ['p-old000'], 'a retirement without text stays a bare ID')
  })

  it('should prune retirements only when asked, and never mint a pruned ID again', () => {
    const dir = copyProject()
    const original = read(dir, sourcePath)
    const section = sectionThree(original)
    write(dir, sourcePath, original.replace(section + '\n', ''))
    assert.equal(press(dir, ['ids']).status, 0)
    const retired = JSON.parse(read(dir, lockPath)).retired.map((r: { id: string }) => r.id)
    assert.equal(press(dir, ['ids']).status, 0)
    assert.equal(JSON.parse(read(dir, lockPath)).retired.length, retired.length, 'a plain run keeps the texts')
    assert.ok(JSON.parse(read(dir, lockPath)).retired.every((r: unknown) => typeof r === 'object'))
    assert.equal(press(dir, ['ids', '--prune-retired']).status, 0)
    assert.deepEqual(JSON.parse(read(dir, lockPath)).retired, retired)
    write(dir, sourcePath, original)
    const run = press(dir, ['ids'])
    assert.match(run.stdout, new RegExp(`${retired.length} minted, 0 retired, 0 split, 0 merged, 0 revived`))
    const ids = lockIds(dir)
    for (const id of retired) assert.ok(!ids.includes(id), `${id} is never minted again`)
  })

  it('should show planned ID changes with --dry-run and write nothing', () => {
    const dir = copyProject()
    const original = read(dir, sourcePath)
    const lockBefore = read(dir, lockPath)
    const filesBefore = targets.map((lang) => read(dir, file(lang)))
    write(dir, sourcePath, original.replace(sectionThree(original) + '\n', '') + '\nA paragraph added at the very end by an editor.\n')
    const ids = press(dir, ['ids', '--dry-run'])
    assert.equal(ids.status, 0, ids.stderr)
    assert.match(
      ids.stdout,
      new RegExp(
        [
          'would have \\d+ kept, 0 moved, 0 re-matched after an edit, 1 minted, ',
          '\\d+ retired, 0 split, 0 merged, 0 revived \\(dry run: lock not written\\)',
        ].join(''),
      ),
    )
    assert.match(ids.stdout, /minted +p-[0-9a-z]{6} +content\/wuzhen-outlook-2019\/outlook\.md:\d+/)
    assert.match(ids.stdout, /retired +h-[0-9a-z]{6} +\(was: III\. Internet culture/)
    assert.equal(read(dir, lockPath), lockBefore, 'the lock is byte for byte as it was')
    const sync = press(dir, ['sync', '--dry-run'])
    assert.equal(sync.status, 0, sync.stderr)
    assert.match(
      sync.stdout,
      new RegExp(
        [
          'translations\\/fr\\/wuzhen-outlook-2019\\.json: would have 1 added as missing, 0 marked stale, 0 confirmed, ',
          '\\d+ kept as orphans, 0 restored \\(dry run: not written\\)',
        ].join(''),
      ),
    )
    assert.match(sync.stdout, /orphan +h-[0-9a-z]{6}/)
    assert.equal(read(dir, lockPath), lockBefore)
    assert.deepEqual(
      targets.map((lang) => read(dir, file(lang))),
      filesBefore,
      'translation files byte for byte as they were',
    )
  })
})
