/**
 * The package document (content.opf): metadata, manifest and spine.
 *
 * The identifier is a name-based (version 5) UUID of the publication's
 * `identifier` and the language: the same edition always gets the same
 * identifier, and each language edition its own. `dcterms:modified` is the
 * build date (SOURCE_DATE_EPOCH or the last commit), never the clock.
 */
import { createHash } from 'node:crypto'
import { XML_DECLARATION } from './xhtml.ts'

export const PACKAGE_FILE = 'content.opf'

export interface ManifestItem {
  id: string
  href: string
  mediaType: string
  properties?: string
  /** In the spine, in this order. */
  spine?: boolean
}

export interface PackageInput {
  identifier: string
  language: string
  dir: 'ltr' | 'rtl'
  title: string
  subtitle?: string
  creator: string
  publisher: string
  /** W3CDTF date of the publication (YYYY, YYYY-MM or YYYY-MM-DD). */
  date: string
  description?: string
  subjects: string[]
  /** The publication this edition was translated from (its identifier), when a translation. */
  source?: string
  modified: Date
  accessibilitySummary: string
  items: ManifestItem[]
}

/** "urn:uuid:…" from a publication identifier and a language, stable across builds. */
export function editionIdentifier(publicationIdentifier: string, language: string): string {
  // RFC 4122 name-based UUID (SHA-1) in the URL namespace.
  const namespace = Buffer.from('6ba7b8119dad11d180b400c04fd430c8', 'hex')
  const bytes = createHash('sha1').update(namespace).update(`${publicationIdentifier}#${language}`).digest().subarray(0, 16)
  bytes[6] = (bytes[6]! & 0x0f) | 0x50
  bytes[8] = (bytes[8]! & 0x3f) | 0x80
  const hex = bytes.toString('hex')
  return `urn:uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}

/** Seconds precision, UTC, as EPUB requires: 2019-10-20T08:00:00Z. */
export function modifiedDate(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z')
}

export function packageDocument(input: PackageInput): string {
  const a11y = [
    meta('schema:accessMode', 'textual'),
    meta('schema:accessModeSufficient', 'textual'),
    ...['structuralNavigation', 'tableOfContents', 'readingOrder', 'displayTransformability'].map((f) =>
      meta('schema:accessibilityFeature', f),
    ),
    meta('schema:accessibilityHazard', 'none'),
    meta('schema:accessibilitySummary', input.accessibilitySummary),
    meta('dcterms:conformsTo', 'EPUB Accessibility 1.1 - WCAG 2.1 Level AA'),
  ]
  const lines = [
    XML_DECLARATION.trimEnd(),
    '<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="edition-id" ' +
      `xml:lang="${attr(input.language)}" dir="${input.dir}">`,
    '  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">',
    `    <dc:identifier id="edition-id">${text(input.identifier)}</dc:identifier>`,
    `    <dc:title id="main-title">${text(input.title)}</dc:title>`,
    '    <meta refines="#main-title" property="title-type">main</meta>',
    ...(input.subtitle
      ? [
          `    <dc:title id="subtitle">${text(input.subtitle)}</dc:title>`,
          '    <meta refines="#subtitle" property="title-type">subtitle</meta>',
        ]
      : []),
    `    <dc:language>${text(input.language)}</dc:language>`,
    `    <dc:creator id="creator">${text(input.creator)}</dc:creator>`,
    '    <meta refines="#creator" property="role" scheme="marc:relators">aut</meta>',
    `    <dc:publisher>${text(input.publisher)}</dc:publisher>`,
    `    <dc:date>${text(input.date)}</dc:date>`,
    ...(input.description ? [`    <dc:description>${text(input.description)}</dc:description>`] : []),
    ...input.subjects.map((s) => `    <dc:subject>${text(s)}</dc:subject>`),
    ...(input.source ? [`    <dc:source>${text(input.source)}</dc:source>`] : []),
    `    <meta property="dcterms:modified">${modifiedDate(input.modified)}</meta>`,
    ...a11y.map((line) => `    ${line}`),
    '  </metadata>',
    '  <manifest>',
    ...input.items.map(
      (item) =>
        `    <item id="${attr(item.id)}" href="${attr(item.href)}" media-type="${item.mediaType}"` +
        `${item.properties ? ` properties="${item.properties}"` : ''}/>`,
    ),
    '  </manifest>',
    `  <spine${input.dir === 'rtl' ? ' page-progression-direction="rtl"' : ''}>`,
    ...input.items.filter((item) => item.spine).map((item) => `    <itemref idref="${attr(item.id)}"/>`),
    '  </spine>',
    '</package>',
  ]
  return lines.join('\n') + '\n'
}

function meta(property: string, value: string): string {
  return `<meta property="${property}">${text(value)}</meta>`
}

function text(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

function attr(value: string): string {
  return text(value).replace(/"/g, '&quot;')
}
