/**
 * EPUB 3 editions: dist/<publication>/<lang>/<publication>.<lang>.epub.
 *
 *   META-INF/container.xml → EPUB/content.opf (metadata, manifest, spine)
 *   EPUB/title.xhtml, EPUB/nav.xhtml, EPUB/section-NN.xhtml (one per section),
 *   EPUB/colophon.xhtml, EPUB/style.css, EPUB/fonts/*.woff2
 */
import type { Element } from 'hast'
import type { PublicationConfig } from '../../project/schema.ts'
import { readTemplate } from '../assets.ts'
import type { EditionModel } from '../../edition/model.ts'
import { colophon, type BuildIdentity } from '../colophon.ts'
import { copyContent, textOf } from '../../edition/content.ts'
import { unified } from 'unified'
import { fontFaceCss } from '../fonts.ts'
import { facesOfLanguages, fontStackCss, type FontSettings } from '../font-registry.ts'
import { linkAcrossDocuments, sectionDocuments } from './content.ts'
import { rehypeUnfoldDetails } from './rehype-unfold-details.ts'
import { embeddedFonts } from './fonts.ts'
import type { FontSubsetter } from './subset.ts'
import { COLOPHON_FILE, colophonBody, TITLE_FILE, titlePageBody } from './matter.ts'
import { NAV_FILE, navDocument } from './nav.ts'
import { editionIdentifier, PACKAGE_FILE, packageDocument, type ManifestItem } from './package-document.ts'
import { xhtmlDocument } from './xhtml.ts'
import { packageContainer, type ContainerEntry } from './zip.ts'

export { editionIdentifier } from './package-document.ts'

const CONTENT_DIR = 'EPUB'
const STYLESHEET = 'style.css'
const XHTML = 'application/xhtml+xml'

export function epubFileName(publicationId: string, language: string): string {
  return `${publicationId}.${language}.epub`
}

export interface EpubInput {
  edition: EditionModel
  config: Pick<PublicationConfig, 'id' | 'identifier' | 'date' | 'keywords'>
  sourceLanguage: string
  identity: BuildIdentity
  /** Project root, for templates/epub.css. */
  root: string
  /** Font subsetting shared by the build (worker threads, cache); default: in this thread, uncached. */
  fonts?: FontSubsetter
  /** The publication's fonts (registry settings). */
  fontSettings: FontSettings
}

export async function renderEpubEdition(input: EpubInput): Promise<Uint8Array> {
  const { edition, config, identity } = input
  const l = edition.localizer
  const content = copyContent(edition.content)
  unified().use(rehypeUnfoldDetails).runSync({ type: 'root', children: content.children })
  const sections = sectionDocuments(content, l)
  const documents: { href: string; title: string; body: Element[] }[] = [
    { href: TITLE_FILE, title: edition.meta.title, body: titlePageBody(edition) },
    ...sections.map((s) => ({ href: s.href, title: s.label, body: s.body })),
    { href: COLOPHON_FILE, title: l.t('colophon'), body: colophonBody(edition, colophon(edition, input.sourceLanguage, identity)) },
  ]
  linkAcrossDocuments(documents)

  const page = (doc: (typeof documents)[number]): string =>
    xhtmlDocument({ language: edition.language, dir: edition.dir, title: doc.title, stylesheet: STYLESHEET, body: doc.body })
  const xhtml = documents.map((doc) => ({ href: doc.href, text: page(doc) }))
  const nav = navDocument({
    language: edition.language,
    dir: edition.dir,
    stylesheet: STYLESHEET,
    contentsTitle: l.t('contents'),
    landmarksTitle: l.t('landmarks'),
    entries: [
      { href: TITLE_FILE, label: l.t('titlePage') },
      ...sections.map((s) => ({
        href: s.anchor ? `${s.href}#${s.anchor}` : s.href,
        label: s.label,
        children: s.subheadings.map((sub) => ({ href: `${s.href}#${sub.id}`, label: sub.text })),
      })),
      { href: COLOPHON_FILE, label: l.t('colophon') },
    ],
    landmarks: [
      { type: 'titlepage', href: TITLE_FILE, label: l.t('titlePage') },
      { type: 'toc', href: `${NAV_FILE}#pp-toc`, label: l.t('contents') },
      ...(sections[0] ? [{ type: 'bodymatter' as const, href: sections[0].href, label: sections[0].label }] : []),
      { type: 'colophon', href: COLOPHON_FILE, label: l.t('colophon') },
    ],
  })

  const fontConfig = input.fontSettings
  const fonts = await embeddedFonts(
    facesOfLanguages(fontConfig, [edition.language, input.sourceLanguage]),
    [...documents.flatMap((d) => [d.title, ...d.body.map(textOf)]), nav].join('\n'),
    input.fonts,
  )
  const css = `${fontFaceCss(
    fonts.map((f) => f.face),
    'fonts/',
  )}\n\n${await readTemplate(input.root, 'epub.css')}\n${fontStackCss(fontConfig, [input.sourceLanguage, edition.language])}\n`

  const items: ManifestItem[] = [
    { id: 'titlepage', href: TITLE_FILE, mediaType: XHTML, spine: true },
    { id: 'nav', href: NAV_FILE, mediaType: XHTML, properties: 'nav', spine: true },
    ...sections.map((s) => ({ id: s.href.replace(/\.xhtml$/, ''), href: s.href, mediaType: XHTML, spine: true })),
    { id: 'colophon', href: COLOPHON_FILE, mediaType: XHTML, spine: true },
    { id: 'style', href: STYLESHEET, mediaType: 'text/css' },
    ...fonts.map(({ face }, i) => ({ id: `font-${i + 1}`, href: `fonts/${face.fileName}`, mediaType: 'font/woff2' })),
    ...edition.images.map((image, i) => ({ id: `image-${i + 1}`, href: image.name, mediaType: image.mediaType })),
  ]
  const opf = packageDocument({
    identifier: editionIdentifier(config.identifier, edition.language),
    language: edition.language,
    dir: edition.dir,
    title: edition.meta.title,
    subtitle: edition.meta.subtitle,
    creator: edition.meta.issuer,
    publisher: edition.meta.publisher,
    date: config.date,
    description: edition.meta.description,
    subjects: edition.meta.keywords ?? config.keywords,
    source: edition.isSource ? undefined : config.identifier,
    modified: identity.date,
    accessibilitySummary: l.t('epubAccessibilitySummary'),
    items,
  })

  const entries: ContainerEntry[] = [
    { path: 'META-INF/container.xml', data: containerXml() },
    { path: `${CONTENT_DIR}/${PACKAGE_FILE}`, data: opf },
    { path: `${CONTENT_DIR}/${NAV_FILE}`, data: nav },
    ...xhtml.map((doc) => ({ path: `${CONTENT_DIR}/${doc.href}`, data: doc.text })),
    { path: `${CONTENT_DIR}/${STYLESHEET}`, data: css },
    ...fonts.map(({ face, data }) => ({ path: `${CONTENT_DIR}/fonts/${face.fileName}`, data, store: true })),
    ...edition.images.map((image) => ({
      path: `${CONTENT_DIR}/${image.name}`,
      data: image.bytes,
      store: image.mediaType !== 'image/svg+xml',
    })),
  ]
  return packageContainer(entries, identity.date)
}

function containerXml(): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">',
    '  <rootfiles>',
    `    <rootfile full-path="${CONTENT_DIR}/${PACKAGE_FILE}" media-type="application/oebps-package+xml"/>`,
    '  </rootfiles>',
    '</container>',
    '',
  ].join('\n')
}
