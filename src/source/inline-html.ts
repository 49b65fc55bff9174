/**
 * The inline HTML a source or a translation may use: the harmless tags real
 * Markdown (mdBook, Quarto, GitHub) writes, each with at most the attributes
 * it needs. Comments are allowed and never published. Anything else is an
 * error in a source and text in a translation.
 */

/** Tags with content (`<sub>…</sub>`). */
export const pairedTags = [
  'sub',
  'sup',
  'kbd',
  'mark',
  'abbr',
  'small',
  's',
  'del',
  'ins',
  'u',
  'q',
  'cite',
  'dfn',
  'var',
  'samp',
  'bdi',
  'span',
]
/** Tags without content (`<br>`). */
export const voidTags = ['br', 'wbr']
/** The attributes a tag may carry (values in double quotes, no `<` or `>`). */
const attributesOf: Record<string, readonly string[]> = { abbr: ['title'], span: ['lang', 'dir'], bdi: ['dir'], q: [] }

export type HtmlToken =
  | { kind: 'comment' }
  | { kind: 'open'; tag: string; attributes: Record<string, string> }
  | { kind: 'close'; tag: string }
  | { kind: 'void'; tag: string }

/** What one raw HTML node of mdast is, or undefined when it is not on the allowlist. */
export function readHtml(value: string): HtmlToken | undefined {
  const text = value.trim()
  if (/^<!--[\s\S]*-->$/.test(text)) return { kind: 'comment' }
  const close = /^<\/([a-z]+)\s*>$/.exec(text)
  if (close) return pairedTags.includes(close[1]!) ? { kind: 'close', tag: close[1]! } : undefined
  const open = /^<([a-z]+)((?:\s+[a-z]+="[^"<>]*")*)\s*(\/?)>$/.exec(text)
  if (!open) return undefined
  const tag = open[1]!
  const attributes: Record<string, string> = {}
  for (const [, name, content] of open[2]!.matchAll(/([a-z]+)="([^"<>]*)"/g)) {
    if (!(attributesOf[tag] ?? []).includes(name!)) return undefined
    if (name === 'dir' && !['ltr', 'rtl', 'auto'].includes(content!)) return undefined
    attributes[name!] = content!
  }
  if (voidTags.includes(tag)) return Object.keys(attributes).length === 0 ? { kind: 'void', tag } : undefined
  return pairedTags.includes(tag) && open[3] === '' ? { kind: 'open', tag, attributes } : undefined
}

/** A one-line description of the allowlist, for hints. */
export const allowedHtmlHint =
  `Allowed inline HTML: ${[...pairedTags, ...voidTags].map((t) => `<${t}>`).join(' ')} ` +
  '(abbr with title, span with lang and dir), and comments; write anything else as Markdown.'

/**
 * The first problem with the inline HTML of one block's html nodes, in order:
 * a tag off the allowlist, or a tag that does not close within the block.
 */
export function inlineHtmlProblem(values: readonly string[]): { index: number; reason: string } | undefined {
  const open: { tag: string; index: number }[] = []
  for (const [index, value] of values.entries()) {
    const token = readHtml(value)
    if (!token) return { index, reason: `The inline HTML ${JSON.stringify(value.slice(0, 60))} is not on the allowlist` }
    if (token.kind === 'open') open.push({ tag: token.tag, index })
    else if (token.kind === 'close') {
      if (open.at(-1)?.tag !== token.tag) return { index, reason: `</${token.tag}> closes no <${token.tag}>` }
      open.pop()
    }
  }
  const unclosed = open.at(-1)
  return unclosed ? { index: unclosed.index, reason: `<${unclosed.tag}> is not closed in the same block` } : undefined
}
