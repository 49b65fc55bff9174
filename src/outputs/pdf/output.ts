import type { Output } from '../output.ts'

export const pdfOutput = {
  name: 'pdf',
  format: 'pdf',
  description: 'one print PDF per language, paginated in Chromium, tagged, with bookmarks and a destination per paragraph',
  files: ['<lang>/<pub>.<lang>.pdf'],
  inputs: ['sources', 'lock', 'translations', 'ui-strings', 'templates', 'fonts', 'config'],
  async write(context) {
    const { writePdfEditions } = await import('./index.ts') // loaded when it runs: a cached build plans with the registry only
    const { publication, selected, identity, dir, session, jobs, logger } = context
    const pdfs = await writePdfEditions({
      publication,
      editions: selected,
      sourceLanguage: publication.config.sourceLanguage,
      identity,
      fontSettings: context.fontSettings,
      dir,
      session,
      jobs,
      logger,
      press: context.press,
      write: context.write,
    })
    return pdfs.map((pdf) => ({ path: pdf.path, format: 'pdf' as const, language: pdf.language, pages: pdf.pages }))
  },
} as const satisfies Output
