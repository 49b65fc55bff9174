/** The download page of one language: every publication, every edition file, with size, pages and SHA-256. */
import { h } from 'hastscript'
import { serializeHtml } from '../serialize.ts'
import type { Localizer } from '../../i18n/instance.ts'
import type { EditionFile, Manifest } from './manifest.ts'

export interface Listing {
  manifest: Manifest
  /** Publication title by language. */
  titles: Record<string, string>
}

export interface DownloadPageInput {
  language: string
  dir: 'ltr' | 'rtl'
  localizer: Localizer
  listings: Listing[]
  /** The same page in every language. */
  choices: { language: string; dir: 'ltr' | 'rtl'; name: string; href: string }[]
}

/** The bundled fonts the download pages use (written beside them by writeDownloads). */
export const FONTS_CSS = 'assets/fonts.css'

const formatKeys = { html: 'formatHtml', epub: 'formatEpub', pdf: 'formatPdf', parallel: 'formatParallel' } as const
const mediaTypes = { html: 'text/html', epub: 'application/epub+zip', pdf: 'application/pdf', parallel: 'application/pdf' } as const

const css = `
body { font-family: 'Noto Serif', 'Noto Serif SC', 'Noto Naskh Arabic'; margin: 2rem auto; max-inline-size: 72rem; \
padding: 0 1rem; line-height: 1.5; color: #111; }
nav ul { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 0.5rem 1.2rem; }
table { border-collapse: collapse; inline-size: 100%; margin-block-end: 2rem; }
th, td { text-align: start; padding: 0.35rem 0.6rem; border-block-end: 1px solid #ccc; vertical-align: top; }
code { font-size: 0.8em; word-break: break-all; }
`

export function renderDownloadPage(input: DownloadPageInput): string {
  const l = input.localizer
  const names = new Intl.DisplayNames([input.language], { type: 'language' })
  const row = (file: EditionFile) => {
    const name = (file.pairedWith ? `${names.of(file.pairedWith) ?? file.pairedWith} – ` : '') + (names.of(file.language) ?? file.language)
    const size = formatSize(file.size, input.language) + (file.pages === undefined ? '' : ` · ${l.t('pages', { count: file.pages })}`)
    const link = file.path
    return h('tr', [
      h('td', name),
      h('td', l.t(formatKeys[file.format])),
      h('td', size),
      h('td', h('code', file.sha256)),
      h(
        'td',
        h(
          'a',
          { href: link, hrefLang: file.language, type: mediaTypes[file.format], download: file.format === 'html' ? undefined : '' },
          l.t('downloadFile', { format: file.format === 'parallel' ? 'PDF' : file.format.toUpperCase(), language: name }),
        ),
      ),
    ])
  }
  const body = input.listings.map((listing) =>
    h('section', { ariaLabelledBy: `pp-pub-${listing.manifest.publication.id}` }, [
      h(`h2#pp-pub-${listing.manifest.publication.id}`, listing.titles[input.language] ?? listing.manifest.publication.title),
      h('table', [
        h(
          'thead',
          h('tr', [
            h('th', { scope: 'col' }, l.t('language')),
            h('th', { scope: 'col' }, l.t('format')),
            h('th', { scope: 'col' }, l.t('size')),
            h('th', { scope: 'col' }, l.t('checksum')),
            h('th', { scope: 'col' }, l.t('download')),
          ]),
        ),
        h('tbody', listing.manifest.editions.map(row)),
      ]),
    ]),
  )
  const tree = {
    type: 'root' as const,
    children: [
      { type: 'doctype' as const },
      h('html', { lang: input.language, dir: input.dir }, [
        h('head', [
          h('meta', { charSet: 'utf-8' }),
          h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
          h('title', `${l.t('downloads')} — ${l.t('publications')}`),
          ...input.choices.map((c) => h('link', { rel: 'alternate', hrefLang: c.language, href: c.href })),
          h('link', { rel: 'stylesheet', href: FONTS_CSS }),
          h('style', css),
        ]),
        h('body', [
          h('header', [
            h('h1', l.t('downloads')),
            h('nav', { ariaLabel: l.t('languages') }, [
              h(
                'ul',
                input.choices.map((c) =>
                  h(
                    'li',
                    c.language === input.language
                      ? h('span', { ariaCurrent: 'page', lang: c.language, dir: c.dir }, c.name)
                      : h('a', { href: c.href, hrefLang: c.language, lang: c.language, dir: c.dir }, c.name),
                  ),
                ),
              ),
            ]),
          ]),
          h('main', body),
        ]),
      ]),
    ],
  }
  return serializeHtml(tree, { styles: [css] }) + '\n'
}

// One formatter per language and unit: making an Intl.NumberFormat costs more than formatting with it.
const sizeFormats = new Map<string, Intl.NumberFormat>()

function formatSize(bytes: number, language: string): string {
  const [value, unit] =
    bytes >= 1024 * 1024 ? [bytes / (1024 * 1024), 'megabyte'] : bytes >= 1024 ? [bytes / 1024, 'kilobyte'] : [bytes, 'byte']
  const key = `${language} ${unit}`
  let format = sizeFormats.get(key)
  if (!format) {
    format = new Intl.NumberFormat(language, {
      style: 'unit',
      unit,
      unitDisplay: 'short',
      maximumFractionDigits: unit === 'megabyte' ? 1 : 0,
    })
    sizeFormats.set(key, format)
  }
  return format.format(value)
}
