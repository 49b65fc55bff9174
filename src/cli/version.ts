/** The version of Polyglot Press, as package.json gives it (`press --version`). */
import { readFileSync } from 'node:fs'

// Checked by hand, not with zod: `press --help` and `--version` load nothing but commander.
export function pressVersion(): string {
  const text = readFileSync(new URL('../../package.json', import.meta.url), 'utf8')
  const version = (JSON.parse(text) as { version?: unknown }).version
  if (typeof version !== 'string' || version === '') throw new Error('package.json has no "version" string')
  return version
}
