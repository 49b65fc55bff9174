/** Options shared by the commands that work per target language (sync, status). */
import type { Publication } from '../project/load.ts'
import { problem, PressError } from '../util/problems.ts'

export interface LanguageOptions {
  root: string
  publication?: string
  languages?: string[]
  /** Refuse to mint IDs (CI). */
  frozen: boolean
}

export function targetLanguages(publication: Publication, requested: string[] | undefined): string[] {
  const targets = publication.config.languages
  if (!requested || requested.length === 0) return targets
  const unknown = requested.filter((code) => !targets.includes(code))
  if (unknown.length > 0) {
    throw new PressError(
      problem(`${publication.config.id} has no target language ${unknown.map((c) => `"${c}"`).join(', ')}.`, {
        file: publication.configPath,
        hint: `Its target languages are ${targets.join(', ')}; add a language to \`languages\` in publication.yaml first.`,
      }),
    )
  }
  return requested
}
