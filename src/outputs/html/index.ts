/** HTML editions: dist/<publication>/<lang>/index.html, assets in dist/<publication>/assets/. */
import type { EditionModel } from '../../edition/model.ts'
import { colophon, type BuildIdentity } from '../colophon.ts'
import { renderPage, type EditionLink } from './page.ts'
import type { EditionLanguage } from '../output.ts'

export const HTML_FILE = 'index.html'

/** An edition as the others link to it. */
export function editionLanguage(edition: EditionModel): EditionLanguage {
  return { language: edition.language, dir: edition.dir, name: edition.localizer.t('languageName') }
}

export function editionLinks(languages: readonly EditionLanguage[]): EditionLink[] {
  return languages.map((e) => ({ language: e.language, dir: e.dir, name: e.name, href: `../${e.language}/${HTML_FILE}` }))
}

export function renderHtmlEdition(
  edition: EditionModel,
  /** Every language of the publication (the page links to each). */
  all: readonly EditionLanguage[],
  sourceLanguage: string,
  identity: BuildIdentity,
): string {
  return renderPage({
    language: edition.language,
    dir: edition.dir,
    meta: edition.meta,
    localizer: edition.localizer,
    content: edition.content,
    editions: editionLinks(all),
    styles: [
      { href: '../assets/fonts.css' },
      { href: '../assets/screen.css', media: 'screen' },
      { href: '../assets/print.css', media: 'print' },
    ],
    colophon: colophon(edition, sourceLanguage, identity),
  })
}
