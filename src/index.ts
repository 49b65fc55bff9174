/**
 * Polyglot Press as a library: the same core the `press` CLI calls.
 */
export { build, formats, type BuildOptions, type BuildResult, type Format } from './commands/build.ts'
export { updateIds, type IdsReport } from './commands/ids.ts'
export { resolveIds, type IdentifiedSources } from './ids/resolve.ts'
export { syncTranslations } from './commands/sync.ts'
export { translationStatus } from './commands/status.ts'
export { collectingLogger, type Logger } from './util/logger.ts'
export { loadPublication, type Publication } from './project/load.ts'
export { publicationSchema, type PublicationConfig } from './project/schema.ts'
export { assignIds, mintId } from './ids/assign.ts'
export { matchBlocks } from './ids/match.ts'
export { segment, type Block, type BlockKind } from './source/segment.ts'
export { parseMarkdown } from './source/parse.ts'
export { syncTranslation } from './i18n/sync.ts'
export { languageStatus, entryStatus } from './i18n/status.ts'
export { PressError, formatProblem } from './util/problems.ts'
