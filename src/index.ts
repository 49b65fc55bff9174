/**
 * Polyglot Press as a library: the same core the `press` CLI calls.
 */
export { build, formats, type BuildOptions, type BuildResult, type Format } from './core/build.ts'
export { updateIds, type IdsReport } from './core/ids-command.ts'
export { resolveIds, type IdentifiedSources } from './core/ids.ts'
export { syncTranslations, translationStatus } from './core/translation-commands.ts'
export { collectingLogger, type Logger } from './core/logger.ts'
export { loadPublication, type Publication } from './config/load.ts'
export { publicationSchema, type PublicationConfig } from './config/schema.ts'
export { assignIds, mintId } from './ids/assign.ts'
export { matchBlocks } from './ids/match.ts'
export { segment, type Block, type BlockKind } from './source/segment.ts'
export { parseMarkdown } from './source/parse.ts'
export { syncTranslation } from './i18n/sync.ts'
export { languageStatus, entryStatus } from './i18n/status.ts'
export { PressError, formatProblem } from './util/problems.ts'
