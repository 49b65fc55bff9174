/**
 * Inline codes: the inline Markdown of a block (emphasis, strong, links,
 * footnote references, inline code, breaks, images) as protected codes, so
 * that CAT tools keep them intact, and back again.
 *
 * A block's text is cut at the positions the project's parser gives: the
 * Markdown between codes stays text verbatim (escapes included), each code
 * keeps its exact Markdown as `data`. Joining the parts gives back the
 * original string byte for byte.
 *
 * An image's alt text and title are text for the translator, not code data:
 * `![alt](chart.png "title")` is a paired code `![` … `](chart.png "` around
 * the alt, then the title as text, then a code `")`. An image reference
 * written with its label only (`![alt]`, `![alt][]`) stays one code: its alt
 * is its label.
 */
import type { Nodes, Parent } from 'mdast'
import { hasNoCodes, parser } from './parser.ts'

/** What a code stands for; writers map it to XLIFF `type`/`ctype`. */
export type CodeKind = 'emphasis' | 'strong' | 'delete' | 'link' | 'footnote-ref' | 'code' | 'break' | 'image' | 'html' | 'other'

/** A paired code (`<pc>`, `<g>`) around inline content. */
export interface PairedCode {
  type: 'pc'
  id: string
  kind: CodeKind
  start: string
  end: string
  children: Inline[]
}

/** A standalone code (`<ph>`, `<x/>`). */
export interface PlaceholderCode {
  type: 'ph'
  id: string
  kind: CodeKind
  data: string
}

export type Inline = string | PairedCode | PlaceholderCode

const paired: Partial<Record<Nodes['type'], CodeKind>> = {
  emphasis: 'emphasis',
  strong: 'strong',
  delete: 'delete',
  link: 'link',
  linkReference: 'link',
}
const standalone: Partial<Record<Nodes['type'], CodeKind>> = {
  footnoteReference: 'footnote-ref',
  inlineCode: 'code',
  break: 'break',
  image: 'image',
  imageReference: 'image',
  html: 'html',
}

interface Event {
  what: 'open' | 'close' | 'ph'
  from: number
  to: number
  kind: CodeKind
}

/** Cut a block's Markdown into text and codes. Code blocks stay one text. */
export function toInline(markdown: string, options: { code?: boolean } = {}): Inline[] {
  if (options.code || markdown === '') return markdown === '' ? [] : [markdown]
  if (hasNoCodes(markdown)) return [markdown]
  // Footnote calls parse only when defined (reference links stay text: they are not codes).
  const { definitionsUsedIn, parseBlockMarkdown } = parser()
  const tree = parseBlockMarkdown(markdown, { footnotes: definitionsUsedIn(markdown).footnotes })
  const events: Event[] = []
  const offsets = (node: Nodes): [number, number] | undefined => {
    const start = node.position?.start.offset
    const end = node.position?.end.offset
    return start === undefined || end === undefined || end > markdown.length ? undefined : [start, end]
  }
  const walk = (node: Nodes): void => {
    if (node.type === 'footnoteDefinition' || node.type === 'code') return
    const at = offsets(node)
    const pairKind = paired[node.type]
    const phKind = standalone[node.type]
    const image = at && (node.type === 'image' || node.type === 'imageReference') ? imageEvents(node, markdown, at) : undefined
    if (image) {
      events.push(...image)
      return
    }
    if (at && phKind) {
      events.push({ what: 'ph', from: at[0], to: at[1], kind: phKind })
      return
    }
    if (at && pairKind) {
      const children = (node as Parent).children as Nodes[]
      const first = children[0] ? offsets(children[0]) : undefined
      const last = children.length > 0 ? offsets(children[children.length - 1]!) : undefined
      // Autolinks (`<https://…>`, bare URLs) and empty links are one protected code.
      const autolink = pairKind === 'link' && (markdown[at[0]] === '<' || first?.[0] === at[0])
      if (!first || !last || autolink || first[0] <= at[0] || last[1] >= at[1]) {
        events.push({ what: 'ph', from: at[0], to: at[1], kind: pairKind })
        return
      }
      events.push({ what: 'open', from: at[0], to: first[0], kind: pairKind })
      for (const child of children) walk(child)
      events.push({ what: 'close', from: last[1], to: at[1], kind: pairKind })
      return
    }
    if ('children' in node) for (const child of (node as Parent).children as Nodes[]) walk(child)
  }
  walk(tree)

  let next = 1
  const root: Inline[] = []
  const stack: { parts: Inline[]; code?: PairedCode }[] = [{ parts: root }]
  let cursor = 0
  const top = () => stack[stack.length - 1]!
  for (const event of events) {
    if (event.from > cursor) top().parts.push(markdown.slice(cursor, event.from))
    const data = markdown.slice(event.from, event.to)
    if (event.what === 'ph') top().parts.push({ type: 'ph', id: String(next++), kind: event.kind, data })
    else if (event.what === 'open') {
      const code: PairedCode = { type: 'pc', id: String(next++), kind: event.kind, start: data, end: '', children: [] }
      top().parts.push(code)
      stack.push({ parts: code.children, code })
    } else {
      const frame = stack.pop()!
      frame.code!.end = data
    }
    cursor = Math.max(cursor, event.to)
  }
  if (cursor < markdown.length) root.push(markdown.slice(cursor))
  return root
}

/**
 * The codes of an image whose alt (and title) is text: an opening code up to the alt, a closing code up to
 * the title (or the end), and a code after the title. Undefined when the image stays one code.
 */
function imageEvents(node: Nodes, markdown: string, [from, to]: [number, number]): Event[] | undefined {
  const raw = markdown.slice(from, to)
  if (node.type === 'imageReference' && node.referenceType !== 'full') return undefined
  const altEnd = closingBracket(raw)
  if (!raw.startsWith('![') || altEnd === undefined) return undefined
  const events: Event[] = [{ what: 'open', from, to: from + 2, kind: 'image' }]
  const title = node.type === 'image' && typeof node.title === 'string' ? titleRange(raw) : undefined
  if (!title || title[0] <= altEnd) {
    events.push({ what: 'close', from: from + altEnd, to, kind: 'image' })
    return events
  }
  events.push({ what: 'close', from: from + altEnd, to: from + title[0], kind: 'image' })
  events.push({ what: 'ph', from: from + title[1], to, kind: 'image' })
  return events
}

/** Offset of the `]` that closes the alt of `![…`, skipping escapes and nested brackets. */
function closingBracket(raw: string): number | undefined {
  let depth = 0
  for (let i = 2; i < raw.length; i++) {
    const c = raw[i]
    if (c === '\\') i++
    else if (c === '[') depth++
    else if (c === ']' && depth-- === 0) return i
  }
  return undefined
}

/** Start and end offsets of the title text inside `![alt](url "title")`, delimiters excluded. */
function titleRange(raw: string): [number, number] | undefined {
  let end = raw.length - 2
  while (end > 0 && /\s/.test(raw[end]!)) end--
  const close = raw[end]
  const open = close === ')' ? '(' : close === '"' || close === "'" ? close : undefined
  if (!open || raw[raw.length - 1] !== ')') return undefined
  for (let i = end - 1; i > 0; i--) {
    if (raw[i] !== open) continue
    let slashes = 0
    while (raw[i - 1 - slashes] === '\\') slashes++
    if (slashes % 2 === 0) return [i + 1, end]
  }
  return undefined
}

/** Markdown from text and codes: the inverse of `toInline`. */
export function toMarkdown(parts: Inline[]): string {
  let out = ''
  for (const part of parts) {
    if (typeof part === 'string') out += part
    else if (part.type === 'ph') out += part.data
    else out += part.start + toMarkdown(part.children) + part.end
  }
  return out
}

/** Every code, depth first, in document order. */
export function codesOf(parts: Inline[]): (PairedCode | PlaceholderCode)[] {
  const out: (PairedCode | PlaceholderCode)[] = []
  for (const part of parts) {
    if (typeof part === 'string') continue
    out.push(part)
    if (part.type === 'pc') out.push(...codesOf(part.children))
  }
  return out
}

const signature = (code: PairedCode | PlaceholderCode): string =>
  code.type === 'pc' ? `pc\u0000${code.start}\u0000${code.end}` : `ph\u0000${code.data}`

/**
 * Give the target's codes the IDs of the source codes they correspond to (same
 * Markdown, in order), so that CAT tools see them as the same codes. Codes
 * found only in the target get IDs `t1`, `t2`, ….
 */
export function alignCodes(source: Inline[], target: Inline[]): Inline[] {
  const available = new Map<string, string[]>()
  for (const code of codesOf(source)) {
    const list = available.get(signature(code)) ?? []
    list.push(code.id)
    available.set(signature(code), list)
  }
  let extra = 1
  const relabel = (parts: Inline[]): Inline[] =>
    parts.map((part) => {
      if (typeof part === 'string') return part
      const id = available.get(signature(part))?.shift() ?? `t${extra++}`
      return part.type === 'ph' ? { ...part, id } : { ...part, id, children: relabel(part.children) }
    })
  return relabel(target)
}

/** How many codes of each signature a text has: to check that a target's codes survive as Markdown. */
export function codeCount(parts: Inline[]): number {
  return codesOf(parts).length
}
