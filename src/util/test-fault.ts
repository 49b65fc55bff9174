/**
 * Fault injection for the fault tests, and nothing else. Honoured only when the
 * environment variable PRESS_TEST_FAULT is set (it never is in normal use):
 *
 *   PRESS_TEST_FAULT=enospc:<text>    a write whose target path contains <text> writes half its
 *                                     bytes, then fails as a full disk does (ENOSPC)
 *   PRESS_TEST_FAULT=delay:<ms>       every guarded write waits <ms> before it starts (widens
 *                                     the window in which two processes could race)
 *
 * Several faults are separated by commas.
 */
export interface Faults {
  enospc: string[]
  delayMs: number
}

export function injectedFaults(env: NodeJS.ProcessEnv = process.env): Faults {
  const faults: Faults = { enospc: [], delayMs: 0 }
  for (const part of (env.PRESS_TEST_FAULT ?? '').split(',').filter(Boolean)) {
    const [kind, ...rest] = part.split(':')
    const value = rest.join(':')
    if (kind === 'enospc' && value) faults.enospc.push(value)
    if (kind === 'delay') faults.delayMs = Number(value) || 0
  }
  return faults
}

/** The error Node gives when the disk is full, for `path`. */
export function enospc(path: string): NodeJS.ErrnoException {
  const error: NodeJS.ErrnoException = new Error(`ENOSPC: no space left on device, write '${path}'`)
  error.code = 'ENOSPC'
  error.errno = -28
  error.syscall = 'write'
  error.path = path
  return error
}
