import type { Output } from '../output.ts'

export const parallelOutput = {
  name: 'parallel',
  format: 'pdf',
  description:
    'one parallel-text PDF per target language (the source beside the translation) and per `parallel:` pair, one row per paragraph ID',
  files: ['parallel/<a>-<b>.pdf'],
  inputs: ['sources', 'lock', 'translations', 'ui-strings', 'templates', 'fonts', 'config'],
  async write(context) {
    const { writeParallelEditions } = await import('./index.ts') // loaded when it runs: a cached build plans with the registry only
    const { publication, editions, pairs, identity, dir, session, jobs, logger } = context
    const source = publication.config.sourceLanguage
    const pdfs = await writeParallelEditions({
      publication,
      editions,
      pairs,
      sourceLanguage: source,
      identity,
      fontSettings: context.fontSettings,
      dir,
      session,
      jobs,
      logger,
      write: context.write,
    })
    return pdfs.map((pdf) => ({
      path: pdf.path,
      format: 'parallel' as const,
      language: pdf.language,
      pages: pdf.pages,
      pairedWith: pdf.pairedWith,
    }))
  },
} as const satisfies Output
