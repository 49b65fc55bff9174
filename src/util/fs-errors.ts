/**
 * File-system failures as one clear problem: what failed, on which file, what
 * to do. Node's error codes (EACCES, ENOSPC, EROFS …) become sentences; the CLI
 * reporter and the atomic writer both use this, so no fault ends in
 * "press failed unexpectedly".
 */
import { isAbsolute, relative } from 'node:path'
import type { VFileMessage } from 'vfile-message'
import { problem, PressError } from './problems.ts'

export type FsAction = 'read' | 'write' | 'lock'

const known = {
  EACCES: ['permission denied', 'Make it (and its folder) writable for this user, or run press as its owner.'],
  EPERM: [
    'the operation is not permitted (read-only or immutable file or folder)',
    'Make it writable (chmod, chattr -i), or choose another place.',
  ],
  EROFS: ['the file system is read-only', 'Mount it read-write, or choose another place (for example --out).'],
  ENOSPC: ['the disk is full (no space left on device)', 'Free some space and run again.'],
  EDQUOT: ['the disk quota is exhausted', 'Free some space or raise the quota, and run again.'],
  EISDIR: ['it is a folder, not a file', 'Name a file, not a folder.'],
  ENOTDIR: ['a part of its path is a file, not a folder', 'Check the path.'],
  ENOENT: ['it (or a folder on its path) does not exist', 'Check the path.'],
  ELOOP: ['its path has too many symbolic links (a link loop)', 'Replace the link with the file itself.'],
  EMFILE: ['too many files are open', 'Close other programs or raise the limit (ulimit -n), and run again.'],
  ENFILE: ['too many files are open on this system', 'Close other programs and run again.'],
  EIO: ['the device reported an input/output error', 'Check the disk.'],
  ENAMETOOLONG: ['its name is too long for the file system', 'Choose a shorter path.'],
  EBUSY: ['it is busy (in use by another program)', 'Close the program that uses it and run again.'],
  ETXTBSY: ['it is busy (in use by another program)', 'Close the program that uses it and run again.'],
  EINVAL: ['the file system refused it (not a regular file?)', 'Choose an ordinary file on an ordinary disk.'],
  EXDEV: ['it is on another device than its temporary file', 'Choose a place on an ordinary disk.'],
} as const satisfies Record<string, readonly [string, string]>

export function isErrno(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string'
}

/** A path as the user typed it: relative to the working directory when inside it. */
export function shownPath(path: string, cwd: string = process.cwd()): string {
  if (!isAbsolute(path)) return path
  const rel = relative(cwd, path)
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path
}

/** The problem for a file-system error, or undefined when the code is not one we explain. */
export function fsProblem(error: unknown, path?: string, action?: FsAction): VFileMessage | undefined {
  if (!isErrno(error) || !(error.code! in known)) return undefined
  let [why, hint]: readonly [string, string] = known[error.code as keyof typeof known]
  const target = path ?? error.path
  const verb = action ?? actionOf(error.syscall)
  if (error.code === 'ENOENT' && verb === 'write') why = 'its folder does not exist or does not accept new files'
  const what = verb
  if ((error.code === 'EACCES' || error.code === 'EPERM') && (verb === 'read' || verb === 'open'))
    hint = 'Make it readable for this user (chmod), or run press as its owner.'
  const nothingLost = verb === 'write' || verb === 'lock' ? ' Nothing was changed: the previous file, if any, is intact.' : ''
  return problem(`Cannot ${what} this file: ${why} (${error.code}).`, {
    file: target ? shownPath(target) : '(unknown file)',
    hint: hint + nothingLost,
    ruleId: 'file-system',
  })
}

/** What the failed call was doing, from Node's syscall name (an error that did not come through our writer). */
function actionOf(syscall: string | undefined): FsAction | 'open' {
  if (syscall === 'open' || syscall === undefined) return 'open'
  return ['read', 'scandir', 'stat', 'lstat', 'readlink', 'realpath', 'access'].includes(syscall) ? 'read' : 'write'
}

/** Rethrow a file-system error as a PressError naming `path`; other errors unchanged. */
export function asPressError(error: unknown, path: string, action: FsAction): unknown {
  if (error instanceof PressError) return error
  const message = fsProblem(error, path, action)
  return message ? new PressError(message) : error
}
