/**
 * Reading inline content of XLIFF `<source>`/`<target>` back into Markdown.
 * Both XLIFF versions resolve each code to its Markdown (from the code's own
 * data, else from the source code with the same id), check that paired codes
 * are balanced, and report unknown elements with their position.
 */
import type { Element, Node as XmlNode } from '@xmldom/xmldom'
import type { VFileMessage } from 'vfile-message'
import { problem } from '../util/problems.ts'
import { codeCount, toInline } from './inline-codes.ts'
import { placeOf } from './xml.ts'

/** The Markdown of one code: paired codes have a start and an end. */
export type CodeData = { start: string; end: string } | { data: string }

export interface InlineVocabulary {
  namespace: string
  /**
   * Resolve an element to what it is: a paired code with children, an opening/closing marker,
   * a placeholder, a wrapper (annotation), or text.
   */
  classify(element: Element): InlineElement
}

export type InlineElement =
  | { role: 'paired'; id: string; data?: CodeData }
  | { role: 'open'; id: string; data?: CodeData }
  | { role: 'close'; id: string; data?: CodeData }
  | { role: 'placeholder'; id: string; data?: CodeData }
  | { role: 'wrapper' }
  | { role: 'text'; text: string }
  | { role: 'unknown' }

export interface InlineResult {
  markdown: string
  /** Codes by id, to resolve the target's codes that carry no data. */
  codes: Map<string, CodeData>
  /** How many codes the content had. */
  count: number
}

/** Markdown of `element`'s content; problems go to `messages`. */
export function readInline(
  element: Element,
  vocabulary: InlineVocabulary,
  file: string,
  messages: VFileMessage[],
  known: Map<string, CodeData> = new Map(),
): InlineResult {
  const codes = new Map<string, CodeData>()
  const open: { id: string; end: string; at: XmlNode }[] = []
  let count = 0
  const fail = (reason: string, at: XmlNode, hint: string): void => {
    messages.push(problem(reason, { file, place: placeOf(at) ?? placeOf(element), hint, ruleId: 'broken-inline-code' }))
  }
  const resolve = (id: string, data: CodeData | undefined, at: XmlNode, paired: boolean): CodeData | undefined => {
    const found = data ?? known.get(id)
    if (!found || 'data' in found === paired) {
      fail(
        `Inline code "${id}" has no ${found ? 'matching' : ''} Markdown behind it.`.replace('  ', ' '),
        at,
        'Keep the inline codes of the source as they are (copy them from the source); do not type them by hand.',
      )
      return undefined
    }
    codes.set(id, found)
    return found
  }
  const walk = (parent: Element): string => {
    let out = ''
    for (let node = parent.firstChild; node; node = node.nextSibling) {
      if (node.nodeType === 3 || node.nodeType === 4) {
        out += node.nodeValue ?? ''
        continue
      }
      if (node.nodeType !== 1) continue
      const child = node as Element
      const kind = child.namespaceURI === vocabulary.namespace ? vocabulary.classify(child) : ({ role: 'unknown' } as const)
      switch (kind.role) {
        case 'text':
          out += kind.text
          break
        case 'wrapper':
          out += walk(child)
          break
        case 'placeholder': {
          const data = resolve(kind.id, kind.data, child, false)
          count++
          if (data && 'data' in data) out += data.data
          break
        }
        case 'paired': {
          const data = resolve(kind.id, kind.data, child, true)
          count++
          const inner = walk(child)
          if (data && 'start' in data) out += data.start + inner + data.end
          break
        }
        case 'open': {
          const data = resolve(kind.id, kind.data, child, true)
          count++
          if (data && 'start' in data) {
            out += data.start
            open.push({ id: kind.id, end: data.end, at: child })
          }
          break
        }
        case 'close': {
          const index = open.findLastIndex((o) => o.id === kind.id)
          if (index < 0) {
            fail(
              `Inline code "${kind.id}" is closed but was never opened.`,
              child,
              'Every closing code needs its opening code before it, in the same target.',
            )
            break
          }
          out += kind.data && 'data' in kind.data ? kind.data.data : open[index]!.end
          open.splice(index, 1)
          break
        }
        case 'unknown':
          fail(
            `Unexpected element <${child.nodeName}> in the ${element.localName}.`,
            child,
            'Only the inline codes of the source may appear in a target; remove this element.',
          )
      }
    }
    return out
  }
  const markdown = walk(element)
  for (const unclosed of open)
    fail(`Inline code "${unclosed.id}" is opened but never closed.`, unclosed.at, 'Add the closing code, or remove the opening one.')
  return { markdown, codes, count }
}

/** A target whose codes would not come back from its Markdown (e.g. `** x**` is no longer strong emphasis). */
export function checkCodesSurvive(result: InlineResult, isCode: boolean, at: Element, file: string, messages: VFileMessage[]): void {
  if (isCode) return
  const parsed = codeCount(toInline(result.markdown))
  if (parsed < result.count) {
    messages.push(
      problem(
        `${result.count - parsed} inline code(s) of this ${at.localName} would not survive as Markdown ` +
          `(it reads "${result.markdown.slice(0, 60)}…").`,
        {
          file,
          place: placeOf(at),
          hint: 'Emphasis and links must open and close next to text, not next to a space: move the code so it hugs the words it marks.',
          ruleId: 'broken-inline-code',
        },
      ),
    )
  }
}
