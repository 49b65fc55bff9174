/**
 * Every limit on input size in one place. A reader that meets a limit refuses
 * the input with a message naming the limit and what to do; nothing here is
 * reached by the bundled publication or by any ordinary one.
 */

/** Kinds of input file, each with its own size limit. */
export type InputKind = 'source' | 'translation' | 'ui' | 'config' | 'lock' | 'import'

const MB = 1024 * 1024

export const fileSizeLimits: Record<InputKind, number> = {
  source: 16 * MB,
  translation: 64 * MB,
  ui: 1 * MB,
  config: 1 * MB,
  lock: 32 * MB,
  import: 64 * MB,
}

/** What each kind is called in messages. */
export const inputKindNames: Record<InputKind, string> = {
  source: 'Markdown source',
  translation: 'translation file',
  ui: 'interface strings file',
  config: 'publication.yaml',
  lock: 'ID lock',
  import: 'imported file',
}

/** Largest image file a source may use. */
export const maxImageBytes = 16 * MB

/** Deepest nesting of lists and block quotes in a Markdown source (or a translated block). */
export const maxNestingDepth = 32

/** Most YAML aliases publication.yaml may expand (the `yaml` package's maxAliasCount). */
export const maxYamlAliases = 100

export function formatBytes(bytes: number): string {
  return bytes >= MB ? `${Math.round((bytes / MB) * 10) / 10} MB` : `${Math.round(bytes / 1024)} KB`
}
