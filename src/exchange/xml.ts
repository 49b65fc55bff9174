/**
 * XML through @xmldom/xmldom: strict parsing (any error or fatal error is
 * refused, with its line and column) and a small pretty-printing builder that
 * never adds whitespace inside mixed content (sources, targets, notes).
 */
import { DOMImplementation, DOMParser, XMLSerializer, type Document, type Element, type Node as XmlNode } from '@xmldom/xmldom'
import { problem, PressError, type Place } from '../util/problems.ts'

export const XMLNS = 'http://www.w3.org/2000/xmlns/'
export const XML_NS = 'http://www.w3.org/XML/1998/namespace'

/** Parse `text` from `file`, or throw a PressError naming the place of the first problem. */
export function parseXml(text: string, file: string): Document {
  const problems: { message: string; place?: Place }[] = []
  let document: Document | undefined
  try {
    document = new DOMParser({
      onError: (level, message, context) => {
        if (level === 'warning') return
        const locator = (context as { locator?: { lineNumber?: number; columnNumber?: number } } | undefined)?.locator
        const place = locator?.lineNumber ? { line: locator.lineNumber, column: locator.columnNumber ?? 1 } : undefined
        problems.push({ message, ...(place ? { place } : {}) })
      },
    }).parseFromString(text, 'text/xml')
  } catch (error) {
    const locator = (error as { locator?: { lineNumber?: number; columnNumber?: number } }).locator
    if (problems.length === 0 || locator?.lineNumber) {
      problems.unshift({
        message: error instanceof Error ? error.message : String(error),
        ...(locator?.lineNumber ? { place: { line: locator.lineNumber, column: locator.columnNumber ?? 1 } } : {}),
      })
    }
  }
  if (problems.length > 0 || !document?.documentElement) {
    const first = problems[0] ?? { message: 'no root element' }
    throw new PressError(
      problem(`This file is not well-formed XML: ${first.message.replace(/\s+/g, ' ').trim()}.`, {
        file,
        place: first.place,
        hint:
          'Fix the XML at this position (an unescaped "<" or "&", or a tag closed in the wrong order, is the usual cause); ' +
          'nothing was imported.',
        ruleId: 'malformed-xml',
      }),
    )
  }
  return document
}

export function placeOf(node: XmlNode): Place | undefined {
  const { lineNumber, columnNumber } = node as unknown as { lineNumber?: number; columnNumber?: number }
  return lineNumber ? { line: lineNumber, column: columnNumber ?? 1 } : undefined
}

/** The child elements of `element` (in `namespace`, and named `name` when given). */
export function childElements(element: Element, namespace: string, name?: string): Element[] {
  const out: Element[] = []
  for (let node = element.firstChild; node; node = node.nextSibling) {
    if (node.nodeType !== 1) continue
    const child = node as Element
    if (child.namespaceURI === namespace && (name === undefined || child.localName === name)) out.push(child)
  }
  return out
}

export function firstChild(element: Element, namespace: string, name: string): Element | undefined {
  return childElements(element, namespace, name)[0]
}

/** Builds an indented document; `text` content is written as is. */
export class XmlBuilder {
  readonly document: Document
  constructor(
    readonly namespace: string,
    rootName: string,
    prefixes: Record<string, string> = {},
  ) {
    this.document = new DOMImplementation().createDocument(namespace, rootName, null)
    for (const [prefix, uri] of Object.entries(prefixes)) this.root.setAttributeNS(XMLNS, `xmlns:${prefix}`, uri)
  }

  get root(): Element {
    return this.document.documentElement!
  }

  /** Append an element on its own line at `depth`, with attributes (undefined ones skipped). */
  element(
    parent: Element,
    name: string,
    attributes: Record<string, string | undefined> = {},
    depth = 1,
    namespace = this.namespace,
  ): Element {
    parent.appendChild(this.document.createTextNode('\n' + '  '.repeat(depth)))
    const element = this.document.createElementNS(namespace, name)
    for (const [key, value] of Object.entries(attributes)) {
      if (value === undefined) continue
      if (key.startsWith('xml:')) element.setAttributeNS(XML_NS, key, value)
      else element.setAttribute(key, value)
    }
    parent.appendChild(element)
    return element
  }

  /** Close an element that has indented children: the end tag goes on its own line. */
  close(element: Element, depth: number): void {
    element.appendChild(this.document.createTextNode('\n' + '  '.repeat(depth)))
  }

  /** An element holding only text, on its own line. */
  textElement(
    parent: Element,
    name: string,
    text: string,
    attributes: Record<string, string | undefined> = {},
    depth = 1,
    namespace = this.namespace,
  ): Element {
    const element = this.element(parent, name, attributes, depth, namespace)
    element.appendChild(this.document.createTextNode(text))
    return element
  }

  serialize(): string {
    this.close(this.root, 0)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + new XMLSerializer().serializeToString(this.document) + '\n'
  }
}
