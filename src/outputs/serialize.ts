/**
 * The one serialisation step of every page (HTML editions, EPUB XHTML, print
 * HTML, parallel text, review and download pages): the tree passes through
 * an allowlist sanitiser, then the URL policy, then `toHtml`.
 *
 * Defence in depth: sources, translations and imports are already checked
 * where they enter (src/source/urls.ts), so on a correct build this step
 * removes nothing. It exists so that no element, attribute or URL scheme
 * outside the allowlist can reach an output even if an earlier stage has a
 * bug: no `<script>` but the page's own (matched by content), no `on…`
 * handler, no `style` attribute, no `javascript:`/`data:` URL, no remote image.
 */
import { createHash } from 'node:crypto'
import type { Element, ElementContent, Nodes, Root } from 'hast'
import { toHtml, type Options as ToHtmlOptions } from 'hast-util-to-html'
import { defaultSchema, sanitize, type Schema } from 'hast-util-sanitize'
import { visit } from 'unist-util-visit'
import { checkImageUrl, checkLinkUrl } from '../util/url-policy.ts'

export interface SerializeOptions {
  /** hast-util-to-html options (the EPUB writes XML-ready XHTML). */
  toHtml?: ToHtmlOptions
  /** The page's own scripts, by content: a `<script>` survives only when its text is one of these. */
  scripts?: readonly string[]
  /** The page's own style sheets, by content: a `<style>` survives only when its text is one of these. */
  styles?: readonly string[]
}

/** Sanitise `tree` (a copy: the input is not changed) and serialise it. */
export function serializeHtml(tree: Root | Element, options: SerializeOptions = {}): string {
  return toHtml(sanitizeTree(tree, trustOf(options)), options.toHtml)
}

/**
 * `serializeHtml` of `tree` with `slot` (an empty element of `tree`) holding `children`: the same string, but the
 * children are made, sanitised and serialised one at a time, so a big page (a 100× publication's edition or review
 * page) never exists as one tree with its sanitised copy: each child's nodes die young, and the peak memory stays low.
 * Equivalent because the page schema checks no ancestors: an element is sanitised the same alone or in its page.
 */
export function serializeHtmlAround(tree: Root, slot: Element, children: Iterable<ElementContent>, options: SerializeOptions = {}): string {
  if (slot.children.length > 0) throw new Error('serializeHtmlAround: the slot must be empty')
  const trusted = trustOf(options) // once: a page has thousands of children
  // Where the slot's content goes: the first character at which the page with one text in the slot differs.
  const empty = serializeHtml(tree, options)
  slot.children = [{ type: 'text', value: 'x' }]
  const marked = serializeHtml(tree, options)
  slot.children = []
  let at = 0
  while (at < empty.length && empty.charCodeAt(at) === marked.charCodeAt(at)) at++
  if (marked.length !== empty.length + 1) throw new Error('serializeHtmlAround: the slot does not reach the output')
  const parts = [empty.slice(0, at)]
  // Each child in a root of its own: a top-level script or style is checked as it is in the page.
  for (const child of children) parts.push(toHtml(sanitizeTree({ type: 'root', children: [child] }, trusted), options.toHtml))
  parts.push(empty.slice(at))
  return parts.join('')
}

/** The allowlist of our pages: what the templates and writers really produce, nothing more. */
const common = [
  'id',
  'className',
  'lang',
  'dir',
  'title',
  'hidden',
  'tabIndex',
  'role',
  'xmlLang',
  'xml:lang',
  'epub:type',
  'translate',
  'data*',
  'ariaLabel',
  'ariaLabelledBy',
  'ariaDescribedBy',
  'ariaDescription',
  'ariaCurrent',
  'ariaHidden',
  'ariaKeyShortcuts',
  'ariaLive',
  'ariaLevel',
  'ariaRoleDescription',
  'ariaDetails',
]

const extraTags = [
  'html',
  'head',
  'body',
  'title',
  'meta',
  'link',
  'main',
  'header',
  'footer',
  'nav',
  'section',
  'article',
  'aside',
  'figure',
  'figcaption',
  'caption',
  'colgroup',
  'col',
  'button',
  'label',
  'abbr',
  'bdi',
  'bdo',
  'small',
  'mark',
  'time',
  'cite',
  'dfn',
  'wbr',
  'u',
]

export const pageSchema: Schema = {
  ...defaultSchema,
  allowDoctypes: true,
  clobberPrefix: '',
  clobber: [],
  tagNames: [...(defaultSchema.tagNames ?? []), ...extraTags],
  ancestors: {},
  required: {},
  strip: ['script', 'style'],
  attributes: {
    '*': [...common, ...(defaultSchema.attributes?.['*'] ?? []).filter((a) => a !== 'id' && a !== 'className')],
    html: ['xmlns', 'xmlns:epub', 'xmlnsEpub'],
    meta: ['charSet', 'name', 'content', 'httpEquiv', 'property'],
    link: ['rel', 'href', 'hrefLang', 'type', 'media', 'title'],
    a: ['href', 'hrefLang', 'rel', 'type', 'download'],
    img: ['src', 'alt', 'width', 'height', 'loading', 'decoding'],
    input: ['type', 'checked', 'disabled', 'name', 'value'],
    label: ['htmlFor'],
    button: ['type'],
    ol: ['start', 'reversed', 'type'],
    td: ['colSpan', 'rowSpan', 'align', 'headers'],
    th: ['colSpan', 'rowSpan', 'align', 'scope', 'headers', 'abbr'],
    col: ['span'],
    details: ['open'],
    time: ['dateTime'],
    blockquote: ['cite'],
    q: ['cite'],
    del: ['cite', 'dateTime'],
    ins: ['cite', 'dateTime'],
    script: [],
    style: ['media'],
  },
  protocols: {
    href: ['http', 'https', 'mailto'],
    src: ['http', 'https'],
    cite: ['http', 'https'],
    longDesc: ['http', 'https'],
  },
}

/** The schema and the digests of the trusted scripts and styles of a page. */
interface Trust {
  schema: Schema
  allowed: ReadonlySet<string>
}

function trustOf(options: SerializeOptions): Trust {
  const trusted = [...(options.scripts ?? []), ...(options.styles ?? [])]
  const schema: Schema =
    trusted.length > 0 ? { ...pageSchema, tagNames: [...pageSchema.tagNames!, 'script', 'style'], strip: [] } : pageSchema
  return { schema, allowed: new Set(trusted.map(digest)) }
}

/** Sanitise a copy of `tree`; `script` and `style` elements stay only when their text is a trusted one. */
function sanitizeTree(tree: Root | Element, { schema, allowed }: Trust): Root {
  const clean = sanitize(tree as Nodes, schema) as Root
  visit(clean, 'element', (node: Element, index, parent) => {
    if (node.tagName === 'script' || node.tagName === 'style') {
      if (!allowed.has(digest(scriptText(node))) && parent && index !== undefined) {
        parent.children.splice(index, 1)
        return index
      }
      return 'skip'
    }
    applyUrlPolicy(node)
    return undefined
  })
  return clean
}

/** The URL policy once more, on the serialised attributes (the sanitiser's protocols are coarser). */
function applyUrlPolicy(node: Element): void {
  const { properties } = node
  if (typeof properties.href === 'string' && !checkLinkUrl(properties.href).allowed) delete properties.href
  if (typeof properties.src === 'string' && !checkImageUrl(properties.src).allowed) delete properties.src
  for (const key of ['cite', 'longDesc', 'action', 'formAction', 'poster', 'background']) {
    if (typeof properties[key] === 'string' && !checkLinkUrl(properties[key]).allowed) delete properties[key]
  }
}

function scriptText(node: Element): string {
  return node.children.map((child) => (child.type === 'text' ? child.value : '\u0000')).join('')
}

function digest(text: string): string {
  return createHash('sha256').update(text).digest('hex')
}
