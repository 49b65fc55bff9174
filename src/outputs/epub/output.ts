import { join } from 'node:path'
import type { Output } from '../output.ts'
import { epubFileName, renderEpubEdition } from './index.ts'

export const epubOutput = {
  name: 'epub',
  format: 'epub',
  description: 'one EPUB 3 e-book per language, fonts subset and embedded',
  files: ['<lang>/<pub>.<lang>.epub'],
  inputs: ['sources', 'lock', 'translations', 'ui-strings', 'templates', 'fonts', 'config'],
  async write(context) {
    const { publication, selected, identity, dir } = context
    const { config, root } = publication
    const written = []
    for (const edition of selected) {
      const epub = await renderEpubEdition({ edition, config, sourceLanguage: config.sourceLanguage, identity, root })
      const path = join(dir, edition.language, epubFileName(config.id, edition.language))
      await context.write(path, epub)
      written.push({ path, format: 'epub' as const, language: edition.language })
    }
    return written
  },
} as const satisfies Output
