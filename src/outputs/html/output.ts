import type { Output } from '../output.ts'
import { join } from 'node:path'
import { span } from '../../util/trace.ts'

export const htmlOutput = {
  name: 'html',
  format: 'html',
  description: 'one HTML page per language, with paragraph tools and links to every other language',
  files: ['<lang>/index.html'],
  inputs: ['sources', 'lock', 'translations', 'ui-strings', 'templates', 'config'],
  async write(context) {
    const { HTML_FILE, renderHtmlEdition } = await import('./index.ts') // loaded when it runs: a cached build plans with the registry only
    const { publication, languages, selected, identity, dir } = context
    const written = []
    for (const edition of selected) {
      const path = join(dir, edition.language, HTML_FILE)
      await context.write(
        path,
        span(`html ${edition.language}`, () => renderHtmlEdition(edition, languages, publication.config.sourceLanguage, identity)),
      )
      // Images beside the page, under the names the page uses (content-addressed: the same bytes, the same name).
      for (const image of edition.images) await context.write(join(dir, edition.language, image.name), image.bytes)
      written.push({ path, format: 'html' as const, language: edition.language })
    }
    return written
  },
} as const satisfies Output
