/** The HTML edition of one language: a standalone, semantic HTML5 page. */
import type { Element, Root } from 'hast'
import { h } from 'hastscript'
import type { Localizer } from '../../i18n/instance.ts'
import type { PublicationMeta } from '../../i18n/translation-file.ts'
import { addBlockTools, type Alternate } from './rehype-block-tools.ts'
import type { EditionContent } from '../../edition/content.ts'
import { serializeHtmlAround } from '../serialize.ts'

export interface EditionLink {
  language: string
  dir: 'ltr' | 'rtl'
  /** Autonym, e.g. "Français". */
  name: string
  href: string
}

export interface PageInput {
  language: string
  dir: 'ltr' | 'rtl'
  meta: Required<Pick<PublicationMeta, 'title' | 'issuer' | 'publisher' | 'date'>> & Pick<PublicationMeta, 'description' | 'subtitle'>
  localizer: Localizer
  /** The edition's content (not changed: each block is copied, with its tools, as it is serialised). */
  content: EditionContent
  /** Every language edition, this one included. */
  editions: EditionLink[]
  /** Stylesheets relative to the page. */
  styles: { href: string; media?: string }[]
  colophon: Element[]
}

/** No script, no plug-in, no form, nothing from another origin: styles, fonts and images from the edition's own folder only. */
export const EDITION_CSP =
  "default-src 'none'; style-src 'self'; font-src 'self'; img-src 'self'; " +
  "script-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'"

export function renderPage(input: PageInput): string {
  const { localizer: l, meta } = input
  const others = input.editions.filter((e) => e.language !== input.language)
  const alternates: Alternate[] = others.map((e) => ({ language: e.language, href: e.href, label: e.language, name: e.name }))
  const tools = {
    language: l.language,
    permalinkLabel: l.t('permalink'),
    alternateLabel: (name: string) => l.t('paragraphIn', { language: name }),
    alternates,
  }
  // One section at a time: copied, given its block tools and serialised (serializeHtmlAround), never the whole page.
  const blocks = (function* () {
    for (const child of input.content.children) {
      const copy = structuredClone(child)
      addBlockTools({ type: 'root', children: [copy] }, tools)
      yield copy
    }
  })()
  const main = h('main#pp-main')
  const tree: Root = {
    type: 'root',
    children: [
      { type: 'doctype' },
      h('html', { lang: input.language, dir: input.dir }, [
        h('head', [
          h('meta', { charSet: 'utf-8' }),
          h('meta', { httpEquiv: 'Content-Security-Policy', content: EDITION_CSP }),
          h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
          h('title', meta.title),
          meta.description ? h('meta', { name: 'description', content: meta.description }) : undefined,
          h('meta', { name: 'author', content: meta.issuer }),
          ...input.editions.map((e) => h('link', { rel: 'alternate', hrefLang: e.language, href: e.href })),
          ...input.styles.map((s) => h('link', { rel: 'stylesheet', href: s.href, media: s.media })),
        ]),
        h('body', [
          h('a.skip-link', { href: '#pp-main' }, l.t('skipToContent')),
          h('header.masthead', [
            h('p.issuer', meta.issuer),
            h('h1', meta.title),
            meta.subtitle ? h('p.subtitle', meta.subtitle) : undefined,
            h('p.date', meta.date),
            h('nav.languages', { ariaLabel: l.t('languages') }, [
              h(
                'ul',
                input.editions.map((e) =>
                  h(
                    'li',
                    e.language === input.language
                      ? h('span', { ariaCurrent: 'page', lang: e.language, dir: e.dir }, e.name)
                      : h('a', { href: e.href, hrefLang: e.language, lang: e.language, dir: e.dir }, e.name),
                  ),
                ),
              ),
            ]),
          ]),
          h('nav.toc', { ariaLabelledBy: 'pp-toc-title' }, [
            h('h2#pp-toc-title', l.t('contents')),
            h(
              'ol',
              input.content.headings.map((heading) =>
                h(
                  'li',
                  heading.level > 1 ? { className: [`toc-level-${heading.level}`] } : {},
                  h('a', { href: `#${heading.id}` }, heading.text),
                ),
              ),
            ),
          ]),
          main,
          h('footer.colophon', { ariaLabelledBy: 'pp-colophon-title' }, [h('h2#pp-colophon-title', l.t('colophon')), ...input.colophon]),
        ]),
      ]),
    ],
  }
  return serializeHtmlAround(tree, main, blocks) + '\n'
}
