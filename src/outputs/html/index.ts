/** HTML editions: dist/<publication>/<lang>/index.html, assets in dist/<publication>/assets/. */
import type { EditionModel } from '../../edition/model.ts'
import { colophon, type BuildIdentity } from '../colophon.ts'
import { copyContent } from '../../edition/content.ts'
import { renderPage, type EditionLink } from './page.ts'

export const HTML_FILE = 'index.html'

export function editionLinks(editions: readonly EditionModel[]): EditionLink[] {
  return editions.map((e) => ({
    language: e.language,
    dir: e.dir,
    name: e.localizer.t('languageName'),
    href: `../${e.language}/${HTML_FILE}`,
  }))
}

export function renderHtmlEdition(
  edition: EditionModel,
  all: readonly EditionModel[],
  sourceLanguage: string,
  identity: BuildIdentity,
): string {
  return renderPage({
    language: edition.language,
    dir: edition.dir,
    meta: edition.meta,
    localizer: edition.localizer,
    content: copyContent(edition.content),
    editions: editionLinks(all),
    styles: [
      { href: '../assets/fonts.css' },
      { href: '../assets/screen.css', media: 'screen' },
      { href: '../assets/print.css', media: 'print' },
    ],
    colophon: colophon(edition, sourceLanguage, identity),
  })
}
