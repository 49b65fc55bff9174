import { join } from 'node:path'
import type { Output } from '../output.ts'
import { span } from '../../util/trace.ts'

export const epubOutput = {
  name: 'epub',
  format: 'epub',
  description: 'one EPUB 3 e-book per language, fonts subset and embedded',
  files: ['<lang>/<pub>.<lang>.epub'],
  inputs: ['sources', 'lock', 'translations', 'ui-strings', 'templates', 'fonts', 'config'],
  async write(context) {
    // Loaded when it runs: a cached build plans with the registry only.
    const [{ mapBounded }, { epubFileName, renderEpubEdition }] = await Promise.all([import('../../util/async.ts'), import('./index.ts')])
    const { publication, selected, identity, dir } = context
    const { config, root } = publication
    // Editions overlap: one renders in this thread while another's fonts are subset in the worker threads.
    return mapBounded(selected, context.jobs, async (edition) => {
      const epub = await span(`epub ${edition.language}`, () =>
        renderEpubEdition({
          edition,
          config,
          sourceLanguage: config.sourceLanguage,
          identity,
          root,
          fonts: context.fonts,
          fontSettings: context.fontSettings,
        }),
      )
      const path = join(dir, edition.language, epubFileName(config.id, edition.language))
      await context.write(path, epub)
      return { path, format: 'epub' as const, language: edition.language }
    })
  },
} as const satisfies Output
