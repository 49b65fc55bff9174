/** Build identity and date: reproducible, never "now". */
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'

/**
 * The date an edition states: SOURCE_DATE_EPOCH when set, else the last
 * commit's date, else the Unix epoch (never the clock: same inputs, same bytes).
 */
export function buildDate(root: string, env: NodeJS.ProcessEnv = process.env): Date {
  const fromEnv = env.SOURCE_DATE_EPOCH
  if (fromEnv !== undefined && /^\d+$/.test(fromEnv)) return new Date(Number(fromEnv) * 1000)
  try {
    const seconds = execFileSync('git', ['log', '-1', '--format=%ct'], {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim()
    if (/^\d+$/.test(seconds)) return new Date(Number(seconds) * 1000)
  } catch {
    // Not a git checkout: fall through.
  }
  return new Date(0)
}

/** 12 hex digits identifying a build by its inputs. */
export function inputsFingerprint(parts: readonly (string | Uint8Array)[]): string {
  const hash = createHash('sha256')
  for (const part of parts) {
    hash.update(String(part.length))
    hash.update('\u0000')
    hash.update(part)
  }
  return hash.digest('hex').slice(0, 12)
}
