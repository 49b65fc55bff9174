/**
 * XHTML content documents: hast serialized as well-formed XML.
 *
 * hast-util-to-html does the escaping and attribute naming; the options below
 * close void elements (`<br />`), and `xmlReady` removes what XML cannot
 * express (bare boolean attributes). Every document carries `lang`,
 * `xml:lang` and `dir` on its root, and every element that has `lang` also
 * gets `xml:lang`, as EPUB reading systems read either.
 */
import type { Element, ElementContent, Properties } from 'hast'
import { h } from 'hastscript'
import { serializeHtml } from '../serialize.ts'
import { visit } from 'unist-util-visit'

export const XHTML_NS = 'http://www.w3.org/1999/xhtml'
export const OPS_NS = 'http://www.idpf.org/2007/ops'
export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n'

export interface DocumentInput {
  language: string
  dir: 'ltr' | 'rtl'
  title: string
  /** Stylesheet path relative to the document. */
  stylesheet: string
  body: ElementContent[]
  bodyProperties?: Properties
}

/** A complete XHTML content document. */
export function xhtmlDocument(input: DocumentInput): string {
  const root = h('html', { xmlns: XHTML_NS, 'xmlns:epub': OPS_NS, lang: input.language, 'xml:lang': input.language, dir: input.dir }, [
    h('head', [
      h('meta', { charSet: 'utf-8' }),
      h('title', input.title),
      h('link', { rel: 'stylesheet', type: 'text/css', href: input.stylesheet }),
    ]),
    h('body', input.bodyProperties ?? {}, input.body),
  ])
  return XML_DECLARATION + '<!DOCTYPE html>\n' + serializeXhtml(root) + '\n'
}

/** Serialize one element (and its subtree) as XML-compatible XHTML. */
export function serializeXhtml(node: Element): string {
  xmlReady(node)
  return serializeHtml(node, {
    toHtml: {
      closeSelfClosing: true,
      tightSelfClosing: false,
      closeEmptyElements: true,
      collapseEmptyAttributes: false,
      preferUnquoted: false,
      allowParseErrors: false,
      characterReferences: { useNamedReferences: false },
    },
  })
}

/**
 * Make a tree serializable as XML: `true` attributes become empty strings
 * (`data-x=""`), `false`/`null` ones go away, and `lang` gains `xml:lang`.
 */
export function xmlReady(tree: Element): void {
  visit(tree, 'element', (node: Element) => {
    const properties = node.properties
    for (const [key, value] of Object.entries(properties)) {
      if (value === false || value === null || value === undefined) delete properties[key]
      else if (value === true) {
        if (!key.startsWith('data'))
          throw new Error(`Boolean attribute ${key} on <${node.tagName}> cannot be written as XHTML by this serializer.`)
        properties[key] = ''
      }
    }
    if (typeof properties.lang === 'string' && properties.xmlLang === undefined && properties['xml:lang'] === undefined) {
      properties.xmlLang = properties.lang
    }
  })
}
