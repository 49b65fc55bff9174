/** The version of Polyglot Press, as package.json gives it (`press --version`). */
import { readFileSync } from 'node:fs'
import { z } from 'zod'

const packageSchema = z.object({ version: z.string().min(1) })

export function pressVersion(): string {
  const text = readFileSync(new URL('../../package.json', import.meta.url), 'utf8')
  return packageSchema.parse(JSON.parse(text)).version
}
