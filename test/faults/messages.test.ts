/**
 * File-system faults and guarded targets: each gives one clear line naming the
 * file or the tool, exit status 1, no stack trace, and nothing changes.
 */
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { chmodSync, cpSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { copyProject, press, publicationId } from '../helpers/project.ts'
import { assertNoStack, chattrWorks, editedExport, firstLine, mountTmpfs, snapshotFiles, unmount } from './helpers.ts'

const fr = `translations/fr/${publicationId}.json`
const es = `translations/es/${publicationId}.json`

describe('file-system faults', () => {
  let dir: string
  let edited: string
  before(() => {
    dir = copyProject()
    edited = join(dir, 'fr-edited.xlf')
    writeFileSync(edited, editedExport(dir, 'fr', { 0: 'Un texte révisé.' }))
  })
  after(() => rmSync(dir, { recursive: true, force: true }))

  const refused = (args: string[], env: NodeJS.ProcessEnv = {}): string => {
    const before = snapshotFiles(dir)
    const run = press(dir, args, env)
    assert.equal(run.status, 1, run.stderr + run.stdout)
    assertNoStack(run.stderr)
    assert.deepEqual(snapshotFiles(dir), before, 'translations/ and content/ are byte-identical')
    return run.stderr
  }

  it('should name the translation file when its folder is immutable (chattr +i, EPERM), and change nothing', (t) => {
    if (!chattrWorks(join(dir, 'translations/fr'))) return t.skip('chattr +i is not supported on this file system')
    spawnSync('chattr', ['+i', join(dir, 'translations/fr')])
    try {
      const stderr = refused(['import', 'fr-edited.xlf'])
      assert.equal(
        firstLine(stderr),
        `${fr}: Cannot write this file: the operation is not permitted (read-only or immutable file or folder) (EPERM).`,
      )
    } finally {
      spawnSync('chattr', ['-i', join(dir, 'translations/fr')])
    }
  })

  it('should name the translation file on a read-only file system (tmpfs remounted ro, EROFS), and change nothing', (t) => {
    const folder = join(dir, 'translations/fr')
    const saved = join(dir, 'fr-saved')
    cpSync(folder, saved, { recursive: true })
    if (!mountTmpfs(folder, '1m')) return t.skip('mount -t tmpfs is not allowed here (needs root)')
    try {
      cpSync(saved, folder, { recursive: true })
      assert.equal(spawnSync('mount', ['-o', 'remount,ro', folder]).status, 0)
      const stderr = refused(['import', 'fr-edited.xlf'])
      assert.equal(firstLine(stderr), `${fr}: Cannot write this file: the file system is read-only (EROFS).`)
      assert.match(stderr, /hint: Mount it read-write/)
    } finally {
      unmount(folder)
      rmSync(saved, { recursive: true })
    }
  })

  it('should name the translation file when the disk is full (a full tmpfs, ENOSPC), and leave no partial file', (t) => {
    const folder = join(dir, 'translations/fr')
    const saved = join(dir, 'fr-saved')
    cpSync(folder, saved, { recursive: true })
    if (!mountTmpfs(folder, '256k')) return t.skip('mount -t tmpfs is not allowed here (the injected-fault test below covers ENOSPC)')
    try {
      cpSync(saved, folder, { recursive: true })
      // Fill the disk, then give back 16 KiB: room for the lock file, not for the 39 KB translation file.
      const filler = join(folder, 'filler')
      const chunk = Buffer.alloc(4096)
      let size = 0
      try {
        for (;;) {
          writeFileSync(filler, chunk, { flag: 'a' })
          size += chunk.length
        }
      } catch {
        /* full */
      }
      writeFileSync(filler, Buffer.alloc(Math.max(0, size - 16384)))
      const stderr = refused(['import', 'fr-edited.xlf'])
      assert.equal(firstLine(stderr), `${fr}: Cannot write this file: the disk is full (no space left on device) (ENOSPC).`)
      assert.match(stderr, /hint: Free some space and run again\. Nothing was changed/)
      rmSync(filler)
    } finally {
      unmount(folder)
      rmSync(saved, { recursive: true })
    }
  })

  it('should name the translation file when a write fails with ENOSPC (injected fault PRESS_TEST_FAULT), and change nothing', () => {
    const stderr = refused(['import', 'fr-edited.xlf'], { PRESS_TEST_FAULT: 'enospc:translations/fr/' })
    assert.equal(firstLine(stderr), `${fr}: Cannot write this file: the disk is full (no space left on device) (ENOSPC).`)
    assert.deepEqual(
      spawnSync('ls', ['-A', join(dir, 'translations/fr')], { encoding: 'utf8' })
        .stdout.split('\n')
        .filter(Boolean)
        .sort(),
      ['ui.json', `${publicationId}.json`],
      'no temporary or lock file is left behind',
    )
  })

  it('should refuse to read or write a translation file that is a symbolic link outside the project, and never touch its target', () => {
    const outside = join(dir, '..', `outside-${process.pid}.json`)
    const original = readFileSync(join(dir, fr))
    writeFileSync(outside, original)
    rmSync(join(dir, fr))
    symlinkSync(outside, join(dir, fr))
    try {
      const expected =
        `${fr}: Refusing to read this file: ` + `it is a symbolic link to ${outside.replace(/\/[^/]+\/\.\.\//, '/')}, outside the project.`
      assert.equal(firstLine(refused(['import', 'fr-edited.xlf'])), expected)
      assert.equal(firstLine(refused(['sync', '--lang', 'fr'])), expected)
      assert.equal(firstLine(refused(['build', '--format', 'html', '--lang', 'fr'])), expected)
      assert.deepEqual(readFileSync(outside), original, 'the file outside the project is unchanged')
    } finally {
      rmSync(join(dir, fr))
      writeFileSync(join(dir, fr), original)
      rmSync(outside)
    }
  })

  it('should refuse export --out into translations/ (even another language) and content/, with exit 1 and the files unchanged', () => {
    assert.equal(
      firstLine(refused(['export', '--lang', 'fr', '--out', es])),
      `${es}: Refusing to export into translations/: files there are the translations, not exports.`,
    )
    assert.equal(
      firstLine(refused(['export', '--lang', 'fr', '--format', 'json', '--out', fr, '--force'])),
      `${fr}: Refusing to export into translations/: files there are the translations, not exports.`,
    )
    const lock = `content/${publicationId}/ids.lock.json`
    assert.equal(
      firstLine(refused(['export', '--lang', 'fr', '--out', lock])),
      `${lock}: Refusing to export into content/: files there are the sources and their ID locks, not exports.`,
    )
  })

  it('should refuse export --out over a file that is not an earlier export unless --force, and replace an earlier export', () => {
    writeFileSync(join(dir, 'notes.txt'), 'my notes\n')
    assert.equal(
      firstLine(refused(['export', '--lang', 'fr', '--out', 'notes.txt'])),
      `notes.txt: Refusing to replace this file: it is not an earlier xliff2 export of ${publicationId}.`,
    )
    assert.equal(readFileSync(join(dir, 'notes.txt'), 'utf8'), 'my notes\n')
    assert.equal(press(dir, ['export', '--lang', 'fr', '--out', 'fr.xlf']).status, 0)
    assert.equal(press(dir, ['export', '--lang', 'es', '--out', 'fr.xlf']).status, 0, 'an earlier export of the same format is replaced')
    assert.match(readFileSync(join(dir, 'fr.xlf'), 'utf8'), /trgLang="es"/)
    assert.equal(press(dir, ['export', '--lang', 'fr', '--out', 'notes.txt', '--force']).status, 0)
    assert.match(readFileSync(join(dir, 'notes.txt'), 'utf8'), /trgLang="fr"/)
  })

  it('should refuse export --out /proc/self/mem with one line naming it', () => {
    assert.equal(
      firstLine(refused(['export', '--lang', 'fr', '--out', '/proc/self/mem'])),
      `/proc/self/mem: Refusing to replace this file: it is not an earlier xliff2 export of ${publicationId}.`,
    )
    assert.equal(
      firstLine(refused(['export', '--lang', 'fr', '--out', '/proc/self/mem', '--force'])),
      '/proc/self/mem: Cannot write this file: its folder does not exist or does not accept new files (ENOENT).',
    )
  })

  it('should refuse import --lang es of a file that says it is fr, naming both languages', () => {
    const stderr = refused(['import', 'fr-edited.xlf', '--lang', 'es'])
    assert.equal(firstLine(stderr), 'fr-edited.xlf:2:1: This file is in "fr", but --lang asks for "es".')
  })

  it('should name the browser when the Chromium it is given cannot start, and leave dist/ as it was', () => {
    mkdirSync(join(dir, 'bin'), { recursive: true })
    const fake = join(dir, 'bin', 'chromium')
    writeFileSync(fake, '#!/bin/sh\nexit 1\n')
    chmodSync(fake, 0o755)
    const run = press(dir, ['build', '--lang', 'fr', '--format', 'pdf'], { PUPPETEER_EXECUTABLE_PATH: fake })
    assert.equal(run.status, 1, run.stderr)
    assertNoStack(run.stderr)
    assert.match(
      run.stderr,
      new RegExp(`^${fake.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: Could not start ${fake.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'm'),
    )
  })
})
