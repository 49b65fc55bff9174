import assert from 'node:assert/strict'
import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { describe, it } from 'node:test'
import { copyProject, lineOf, lockPath, press, read, sourcePath, write } from '../helpers/project.ts'

const noStackTrace = (text: string): void => assert.doesNotMatch(text, /^\s+at .+:\d+:\d+\)?$/m)

describe('the press command line', () => {
  it('should reject an unknown flag with a pointer to --help', () => {
    const dir = copyProject()
    const run = press(dir, ['build', '--colour'])
    assert.equal(run.status, 2)
    assert.match(run.stderr, /unknown option '--colour'/)
    assert.match(run.stderr, /--help/)
  })

  it('should print help for every command', () => {
    const dir = copyProject()
    for (const command of ['build', 'ids', 'sync', 'status']) {
      const run = press(dir, [command, '--help'])
      assert.equal(run.status, 0, command)
      assert.match(run.stdout, new RegExp(`Usage: press ${command}`))
    }
  })

  it('should refuse to mint IDs with --frozen and name the new block by path and line', () => {
    const dir = copyProject()
    const source = read(dir, sourcePath)
    const anchor = 'II. The global digital economy is booming'
    write(dir, sourcePath, source.replace(`## ${anchor}`, `A paragraph added by an editor.\n\n## ${anchor}`))
    const run = press(dir, ['build', '--frozen', '--format', 'html'])
    assert.equal(run.status, 1)
    const line = lineOf(read(dir, sourcePath), 'A paragraph added by an editor.')
    assert.match(run.stderr, new RegExp(`^${sourcePath}:${line}:1: This paragraph has no paragraph ID`, 'm'))
    assert.match(run.stderr, /hint: Run `press ids`/)
    noStackTrace(run.stderr)
    assert.equal(read(dir, lockPath), read(copyProject(), lockPath), 'the lock is untouched')
  })

  it('should refuse to mint IDs whenever CI=true, even without --frozen', () => {
    const dir = copyProject()
    write(dir, sourcePath, read(dir, sourcePath) + '\nA closing paragraph added at the end.\n')
    const run = press(dir, ['build', '--format', 'html'], { CI: 'true' })
    assert.equal(run.status, 1)
    assert.match(run.stderr, new RegExp(`${sourcePath}:\\d+:1: This paragraph has no paragraph ID`))
  })

  it('should report a duplicate ID in a hand-edited lock with its position, and not repair it', () => {
    const dir = copyProject()
    const lock = JSON.parse(read(dir, lockPath))
    lock.blocks[3].id = lock.blocks[1].id
    const text = JSON.stringify(lock, null, 2) + '\n'
    write(dir, lockPath, text)
    const run = press(dir, ['ids'])
    assert.equal(run.status, 1)
    const line = text.split('\n').findIndex((l, i) => i > lineOf(text, lock.blocks[2].id) && l.includes(lock.blocks[1].id)) + 1
    assert.match(run.stderr, new RegExp(`${lockPath}:${line}:\\d+: Duplicate paragraph ID "${lock.blocks[1].id}"`))
    assert.equal(read(dir, lockPath), text)
  })

  it('should report a malformed ID in the lock with its position', () => {
    const dir = copyProject()
    const text = read(dir, lockPath).replace(/"id": "p-[a-z0-9]+"/, '"id": "9 bad id"')
    write(dir, lockPath, text)
    const run = press(dir, ['build', '--format', 'html'])
    assert.equal(run.status, 1)
    assert.match(run.stderr, new RegExp(`${lockPath}:${lineOf(text, '9 bad id')}:\\d+: Malformed paragraph ID "9 bad id"`))
  })

  it('should report a raw HTML block in a source instead of dropping it', () => {
    const dir = copyProject()
    write(dir, sourcePath, '<div class="box">Boxed text</div>\n\n' + read(dir, sourcePath))
    const run = press(dir, ['ids'])
    assert.equal(run.status, 1)
    assert.match(run.stderr, new RegExp(`^${sourcePath}:1:1: A raw HTML block is not supported`, 'm'))
  })

  it('should report an unknown language code in publication.yaml at its line', () => {
    const dir = copyProject()
    const config = `content/wuzhen-outlook-2019/publication.yaml`
    write(dir, config, read(dir, config).replace('languages: [zh, fr, es, ru, ar]', 'languages: [zh, fr, es, ru, ar, qq]'))
    const run = press(dir, ['build'])
    assert.equal(run.status, 1)
    assert.match(run.stderr, new RegExp(`${config}:${lineOf(read(dir, config), 'languages:')}:\\d+: Unknown language code "qq"`))
  })

  it('should name a missing file in one line, with the stack trace only with --debug', () => {
    const dir = copyProject()
    rmSync(join(dir, 'templates', 'screen.css'))
    const plain = press(dir, ['build', '--format', 'html'])
    assert.equal(plain.status, 1)
    assert.match(
      plain.stderr,
      /^templates\/screen\.css: Cannot open this file: it \(or a folder on its path\) does not exist \(ENOENT\)\.$/m,
    )
    noStackTrace(plain.stderr)
    const debug = press(dir, ['build', '--format', 'html', '--debug'])
    assert.equal(debug.status, 1)
    assert.match(debug.stderr, /^\s+at .+/m)
  })

  it('should name a publication that does not exist', () => {
    const run = press(copyProject(), ['build', '--publication', 'nope'])
    assert.equal(run.status, 1)
    assert.match(run.stderr, /^content: No publication "nope" in content\//m)
    noStackTrace(run.stderr)
  })
})
