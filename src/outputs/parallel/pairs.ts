/** Which parallel texts a build writes (light: the build plans with it before loading any renderer). */
import type { PublicationConfig } from '../../project/schema.ts'

/**
 * The pairs a build writes for the languages asked for: source → each target, then each
 * `parallel:` pair of publication.yaml whose two languages are both asked for.
 */
export function parallelPairs(config: PublicationConfig, languages: readonly string[]): [string, string][] {
  const source = config.sourceLanguage
  const pairs = languages.filter((l) => l !== source).map((l): [string, string] => [source, l])
  for (const [a, b] of config.parallel ?? []) {
    if (languages.includes(a) && languages.includes(b) && !pairs.some(([x, y]) => x === a && y === b)) pairs.push([a, b])
  }
  return pairs
}
