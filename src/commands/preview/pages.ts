/**
 * The preview server's own pages: the index of every edition and review page
 * in dist/, and the PDF view (the PDF in a frame the client adds, with its "updating" state).
 * Built as hast and serialised like every page (src/outputs/serialize.ts);
 * file names and titles enter as text.
 */
import { readdir } from 'node:fs/promises'
import { join, relative, sep } from 'node:path'
import type { Element, Root } from 'hast'
import { h } from 'hastscript'
import { serializeHtml } from '../../outputs/serialize.ts'
import type { Publication } from '../../project/load.ts'

export interface SiteFacts {
  publications: Publication[]
  /** Every file of dist/ as a URL path (/wuzhen-outlook-2019/fr/index.html), sorted. */
  files: string[]
}

export async function distFiles(distDir: string): Promise<string[]> {
  try {
    const entries = await readdir(distDir, { recursive: true, withFileTypes: true })
    return entries
      .filter((e) => e.isFile() && !e.name.startsWith('.'))
      .map((e) => '/' + relative(distDir, join(e.parentPath, e.name)).split(sep).join('/'))
      .sort()
  } catch {
    return []
  }
}

const POLICY = "default-src 'none'; style-src 'self'; img-src 'self'; frame-src 'self'; base-uri 'none'; form-action 'none'"

function page(title: string, body: Element[]): string {
  const tree: Root = {
    type: 'root',
    children: [
      { type: 'doctype' },
      h('html', { lang: 'en', dir: 'ltr' }, [
        h('head', [
          h('meta', { charSet: 'utf-8' }),
          h('meta', { httpEquiv: 'Content-Security-Policy', content: POLICY }),
          h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
          h('title', title),
        ]),
        h('body', [h('main#pp-main', body)]),
      ]),
    ],
  }
  return serializeHtml(tree) + '\n'
}

/** The review page at `path`, if it is one: its publication and the target language its controls write. */
export function reviewTarget(site: SiteFacts, path: string): { publication: string; language: string } | undefined {
  const match = /^\/([^/]+)\/review\/([^/]+)\.html$/.exec(path)
  const publication = match && site.publications.find((p) => p.config.id === match[1])
  if (!match || !publication) return undefined
  const { sourceLanguage, languages } = publication.config
  const all = [sourceLanguage, ...languages]
  for (const a of all) for (const b of languages) if (`${a}-${b}` === match[2] && a !== b) return { publication: match[1]!, language: b }
  return undefined
}

export function indexPage(site: SiteFacts): string {
  const sections = site.publications.map((publication) => {
    const id = publication.config.id
    const mine = site.files.filter((f) => f.startsWith(`/${id}/`))
    const link = (file: string, label: string): Element =>
      h('li', h('a', { href: file.endsWith('.pdf') ? `/__press/pdf?file=${encodeURIComponent(file)}` : file }, label))
    const languages = [publication.config.sourceLanguage, ...publication.config.languages]
    const editions = languages.flatMap((language) => {
      const files = mine.filter((f) => f.startsWith(`/${id}/${language}/`) && /\.(html|epub|pdf)$/.test(f))
      return files.length === 0
        ? []
        : [
            h('li', [
              h('span', { lang: 'zxx' }, language),
              ' ',
              h(
                'ul.formats',
                files.map((f) => link(f, formatName(f))),
              ),
            ]),
          ]
    })
    const reviews = mine.filter((f) => f.startsWith(`/${id}/review/`) && f.endsWith('.html'))
    const parallel = mine.filter((f) => f.startsWith(`/${id}/parallel/`) && f.endsWith('.pdf'))
    return h('section', { ariaLabelledBy: `pp-pub-${id}` }, [
      h('h2', { id: `pp-pub-${id}` }, publication.config.title),
      h('h3', 'Editions'),
      editions.length ? h('ul.editions', editions) : h('p', 'Not built yet.'),
      h('h3', 'Review pages'),
      reviews.length
        ? h(
            'ul',
            reviews.map((f) =>
              link(
                f,
                f
                  .split('/')
                  .pop()!
                  .replace(/\.html$/, ''),
              ),
            ),
          )
        : h('p', 'None built.'),
      ...(parallel.length
        ? [
            h('h3', 'Parallel texts'),
            h(
              'ul',
              parallel.map((f) => link(f, f.split('/').pop()!)),
            ),
          ]
        : []),
    ])
  })
  return page('Polyglot Press preview', [
    h('h1', 'Polyglot Press preview'),
    ...(site.files.includes('/index.html') ? [h('p', h('a', { href: '/index.html' }, 'Download page'))] : []),
    ...sections,
  ])
}

function formatName(file: string): string {
  return file.endsWith('.pdf') ? 'PDF' : file.endsWith('.epub') ? 'EPUB' : 'HTML'
}

/** The PDF at `file` (a URL path of a PDF in dist/) in a frame; undefined for anything else. */
export function pdfViewPage(site: SiteFacts, file: string): string | undefined {
  if (!file.endsWith('.pdf') || !site.files.includes(file)) return undefined
  const name = file.split('/').pop()!
  return page(`${name} · preview`, [
    h('h1', name),
    h('p#pp-pdf-state', { role: 'status', dataFile: file }, 'PDF up to date.'),
    h('p', h('a', { href: file }, 'Open the PDF itself')),
    h('div#pp-pdf-frame', { dataFile: file, dataTitle: name }), // the client puts the PDF's frame here
  ])
}
