/**
 * Review pages: dist/<publication>/review/<a>-<b>.html, one row per paragraph
 * ID. `press build` writes source→target for every target language;
 * `press review <a> <b>` writes any pair. Fonts: a per-page @font-face file
 * in the shared assets folder with the faces the page's text needs.
 */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Publication } from '../../project/load.ts'
import type { TranslationFile } from '../../i18n/translation-file.ts'
import { facesFor, fontFaceCss } from '../fonts.ts'
import { facesOfLanguages, fontStackCss, type FontSettings } from '../font-registry.ts'
import { renderReviewPage } from './page.ts'
import { alignRows } from './rows.ts'
import { memoBlockHast } from './markdown.ts'
import { writeFileAtomic } from '../../util/files.ts'
import { problem, PressError } from '../../util/problems.ts'
import { ASSETS_DIR, readTemplate } from '../assets.ts'
import type { EditionModel } from '../../edition/model.ts'
import type { IdentifiedSources } from '../../ids/resolve.ts'
import type { PublicationTranslations } from '../../i18n/load.ts'

export const REVIEW_DIR = 'review'

export interface ReviewInput {
  publication: Publication
  sources: IdentifiedSources
  translations: PublicationTranslations
  editions: readonly EditionModel[]
  /** dist/<publication> */
  dir: string
  pairs: readonly [string, string][]
  /** The publication's fonts (registry settings). */
  fontSettings: FontSettings
  /** How to write a file (default: atomically, unlogged). */
  write?: (path: string, data: string | Uint8Array) => Promise<void>
}

/** Write the review page of each pair (and its fonts). Returns the paths written. */
export async function writeReviewPages(input: ReviewInput): Promise<string[]> {
  const { publication, sources, translations, editions, dir } = input
  const { config } = publication
  const files = new Map<string, TranslationFile>([...translations.files].map(([language, loaded]) => [language, loaded.data]))
  const written: string[] = []
  const write = async (path: string, data: string | Uint8Array): Promise<void> => {
    await (input.write ?? writeFileAtomic)(path, data)
    written.push(path)
  }
  await write(join(dir, ASSETS_DIR, 'review.css'), await readTemplate(publication.root, 'review.css'))
  const sourceBlocks = memoBlockHast()
  for (const [a, b] of input.pairs) {
    const edition = (code: string): EditionModel => {
      const found = editions.find((e) => e.language === code)
      if (!found)
        throw new PressError(
          problem(`${config.id} has no language "${code}".`, {
            file: publication.configPath,
            hint: `Its languages are ${editions.map((e) => e.language).join(', ')}.`,
          }),
        )
      return found
    }
    const [left, right] = [edition(a), edition(b)]
    const rows = await alignRows({ sources, sourceLanguage: config.sourceLanguage, a, b, files })
    const fontsFile = `review-${a}-${b}.fonts.css`
    const html = renderReviewPage({
      publication: config.id,
      title: right.meta.title,
      sourceLanguage: config.sourceLanguage,
      a: { code: a, dir: left.dir },
      b: { code: b, dir: right.dir },
      localizer: right.localizer,
      dir: right.dir,
      languageName: right.languageName,
      rows,
      styles: [`../${ASSETS_DIR}/${fontsFile}`, `../${ASSETS_DIR}/review.css`],
      sourceBlocks,
    })
    const fonts = input.fontSettings
    const faces = facesFor(html.replace(/<[^>]*>/g, ''), facesOfLanguages(fonts, [a, b]))
    await write(join(dir, ASSETS_DIR, fontsFile), fontFaceCss(faces, 'fonts/') + '\n\n' + fontStackCss(fonts, [a, b]) + '\n')
    for (const face of faces) await write(join(dir, ASSETS_DIR, 'fonts', face.fileName), await readFile(face.path))
    await write(join(dir, REVIEW_DIR, `${a}-${b}.html`), html)
  }
  return written
}
