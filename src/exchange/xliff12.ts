/**
 * XLIFF 1.2 (urn:oasis:names:tc:xliff:document:1.2), for Weblate, Okapi,
 * translate-toolkit and older CAT tools.
 *
 * One <trans-unit> per paragraph ID. Target states: initial →
 * needs-translation, translated → translated, reviewed → signed-off, final →
 * final, stale → needs-review-translation. approved="yes" marks every
 * finished translation (translated and above), as translate-toolkit and
 * Weblate read it: a target without it counts as fuzzy there. Inline Markdown
 * is <g>/<x/> carrying their Markdown in pp:start/pp:end/pp:data attributes
 * (XLIFF 1.2 allows attributes from other namespaces); a code a tool wrote
 * without them is resolved from the source code with the same id.
 * Comments: one <note from="author" annotates="target"> per comment (pp:id,
 * pp:date, pp:resolved yes/no, pp:needs-work) and per reply (pp:reply-to, pp:date).
 * The source's comment before the block is <note from="developer" annotates="source">.
 * A note a tool adds (any other `from`) imports as a new comment by that author.
 */
import type { Element } from '@xmldom/xmldom'
import type { VFileMessage } from 'vfile-message'
import type { EntryState } from '../i18n/translation-file.ts'
import { problem, PressError } from '../util/problems.ts'
import { XLIFF12_NS } from './namespaces.ts'
import { alignCodes, toInline, type CodeKind, type Inline } from './inline-codes.ts'
import { checkCodesSurvive, readInline, type CodeData, type InlineElement } from './inline-reader.ts'
import { TOOL_AUTHOR, type ImportedComment } from './comments.ts'
import type { Comment } from '../i18n/translation-file.ts'
import { contextNote, type ExportHeader, type ExportUnit, type ImportedDocument, type ImportedUnit } from './units.ts'
import { firstChild, parseXml, placeOf, XmlBuilder } from './xml.ts'

export const PRESS_NS = 'urn:polyglot-press:xliff'
/** Who wrote the source's comment for the translator (`<note from="developer" annotates="source">`, not imported). */
const DEVELOPER = 'developer'

const ctypes: Record<CodeKind, string> = {
  emphasis: 'italic',
  strong: 'bold',
  delete: 'x-strikethrough',
  link: 'link',
  'footnote-ref': 'x-footnote-ref',
  code: 'x-code',
  break: 'lb',
  image: 'image',
  html: 'x-html',
  other: 'x-other',
}

const exportStates: Record<EntryState, string> = {
  initial: 'needs-translation',
  translated: 'translated',
  reviewed: 'signed-off',
  final: 'final',
}
const importStates: Record<string, EntryState> = {
  new: 'initial',
  'needs-translation': 'initial',
  'needs-l10n': 'initial',
  'needs-adaptation': 'initial',
  translated: 'translated',
  'signed-off': 'reviewed',
  final: 'final',
}
const staleStates = new Set(['needs-review-translation', 'needs-review-l10n', 'needs-review-adaptation'])

export function writeXliff12(header: ExportHeader, units: ExportUnit[]): string {
  const x = new XmlBuilder(XLIFF12_NS, 'xliff', { pp: PRESS_NS })
  x.root.setAttribute('version', '1.2')
  const file = x.element(
    x.root,
    'file',
    {
      original: `content/${header.publication}`,
      'source-language': header.sourceLanguage,
      'target-language': header.targetLanguage,
      datatype: 'x-markdown',
      'product-name': 'polyglot-press',
    },
    1,
  )
  file.setAttributeNS(PRESS_NS, 'pp:publication', header.publication)
  const body = x.element(file, 'body', {}, 2)
  for (const unit of units) {
    const approved = unit.target !== '' && unit.state !== 'initial'
    const u = x.element(
      body,
      'trans-unit',
      { id: unit.id, 'xml:space': 'preserve', ...(approved && !unit.stale ? { approved: 'yes' } : {}) },
      3,
    )
    u.setAttributeNS(PRESS_NS, 'pp:base', unit.base)
    const isCode = unit.kind === 'code'
    const source = toInline(unit.source, { code: isCode })
    const fill = (element: Element, parts: Inline[]): void => {
      for (const part of parts) {
        if (typeof part === 'string') {
          element.appendChild(x.document.createTextNode(part))
          continue
        }
        const code = x.document.createElementNS(XLIFF12_NS, part.type === 'pc' ? 'g' : 'x')
        code.setAttribute('id', part.id)
        // XLIFF 1.2 keeps ctype "image" for <x/>; an image around its alt text is a <g>, of a user type.
        code.setAttribute('ctype', part.type === 'pc' && part.kind === 'image' ? 'x-image' : ctypes[part.kind])
        if (part.type === 'ph') {
          code.setAttribute('equiv-text', part.data)
          code.setAttributeNS(PRESS_NS, 'pp:data', part.data)
        } else {
          code.setAttributeNS(PRESS_NS, 'pp:start', part.start)
          code.setAttributeNS(PRESS_NS, 'pp:end', part.end)
          fill(code, part.children)
        }
        element.appendChild(code)
      }
    }
    fill(x.element(u, 'source', {}, 4), source)
    if (unit.target !== '') {
      const state = unit.stale ? 'needs-review-translation' : exportStates[unit.state]
      fill(x.element(u, 'target', { state }, 4), alignCodes(source, toInline(unit.target, { code: isCode })))
    }
    x.textElement(u, 'note', contextNote(unit), { from: 'polyglot-press' }, 4)
    if (unit.translatorNote) x.textElement(u, 'note', unit.translatorNote, { from: DEVELOPER, annotates: 'source' }, 4)
    if (unit.previousSource !== undefined)
      x.textElement(u, 'note', `Previous source: ${unit.previousSource}`, { from: 'polyglot-press', annotates: 'source' }, 4)
    writeComments(x, u, unit.comments ?? [])
    const [path, line] = [unit.location.slice(0, unit.location.lastIndexOf(':')), unit.location.slice(unit.location.lastIndexOf(':') + 1)]
    const group = x.element(u, 'context-group', { purpose: 'location' }, 4)
    x.textElement(group, 'context', path, { 'context-type': 'sourcefile' }, 5)
    x.textElement(group, 'context', line, { 'context-type': 'linenumber' }, 5)
    x.close(group, 4)
    x.close(u, 3)
  }
  x.close(body, 2)
  x.close(file, 1)
  return x.serialize()
}

export function readXliff12(text: string, path: string): ImportedDocument {
  const document = parseXml(text, path)
  const root = document.documentElement!
  const messages: VFileMessage[] = []
  const fail = (reason: string, at: Element, hint: string): void => {
    messages.push(problem(reason, { file: path, place: placeOf(at), hint, ruleId: 'invalid-xliff' }))
  }
  if (root.namespaceURI !== XLIFF12_NS || root.localName !== 'xliff') {
    fail('This is not an XLIFF 1.2 document.', root, `The root must be <xliff version="1.2" xmlns="${XLIFF12_NS}">.`)
    throw new PressError(messages)
  }
  const file = firstChild(root, XLIFF12_NS, 'file')
  const vocabulary = { namespace: XLIFF12_NS, classify }
  const units: ImportedUnit[] = []
  for (const element of [...root.getElementsByTagNameNS(XLIFF12_NS, 'trans-unit')]) {
    const id = element.getAttribute('id') ?? ''
    const sourceElement = firstChild(element, XLIFF12_NS, 'source')
    if (!sourceElement) {
      fail(`Trans-unit "${id}" has no <source>.`, element, 'Every trans-unit needs its source.')
      continue
    }
    const source = readInline(sourceElement, vocabulary, path, messages)
    const targetElement = firstChild(element, XLIFF12_NS, 'target')
    let target = ''
    let state: EntryState = 'initial'
    let stale = false
    if (targetElement) {
      const result = readInline(targetElement, vocabulary, path, messages, source.codes)
      checkCodesSurvive(result, false, targetElement, path, messages)
      target = result.markdown
      const value = targetElement.getAttribute('state')
      if (value && staleStates.has(value)) {
        state = 'translated'
        stale = true
      } else if (value && importStates[value] === undefined && !value.startsWith('x-')) {
        fail(
          `Unknown target state "${value}".`,
          targetElement,
          `XLIFF 1.2 states are ${[...Object.keys(importStates), ...staleStates].join(', ')}.`,
        )
      } else if (value) state = importStates[value] ?? 'translated'
      else state = element.getAttribute('approved') === 'yes' ? 'translated' : 'initial'
    }
    const base = element.getAttributeNS(PRESS_NS, 'base')
    const comments = readComments(element)
    units.push({
      id,
      source: source.markdown,
      target,
      state: target.trim() === '' ? 'initial' : state,
      stale,
      ...(base ? { base } : {}),
      ...(placeOf(element) ? { place: placeOf(element)! } : {}),
      ...(comments.length > 0 ? { comments } : {}),
    })
  }
  if (messages.length > 0) throw new PressError(messages)
  const publication = file?.getAttributeNS(PRESS_NS, 'publication') || file?.getAttribute('original')?.replace(/^content\//, '')
  return {
    format: 'xliff12',
    ...(publication ? { publication } : {}),
    ...(file?.getAttribute('source-language') ? { sourceLanguage: file.getAttribute('source-language')! } : {}),
    ...(file?.getAttribute('target-language') ? { targetLanguage: file.getAttribute('target-language')! } : {}),
    ...(file && placeOf(file) ? { languagePlace: placeOf(file)! } : {}),
    units,
  }
}

function classify(element: Element): InlineElement {
  const id = element.getAttribute('id') ?? element.getAttribute('rid') ?? ''
  const start = element.getAttributeNS(PRESS_NS, 'start')
  const end = element.getAttributeNS(PRESS_NS, 'end')
  const data = element.getAttributeNS(PRESS_NS, 'data')
  const paired: CodeData | undefined = start !== null && end !== null ? { start, end } : undefined
  switch (element.localName) {
    case 'g':
      return { role: 'paired', id, ...(paired ? { data: paired } : {}) }
    case 'x':
      return { role: 'placeholder', id, ...(data !== null ? { data: { data } } : {}) }
    case 'bx':
      return { role: 'open', id, ...(paired ? { data: paired } : {}) }
    case 'ex':
      return { role: 'close', id }
    // Codes with native content: the content is the Markdown.
    case 'ph':
    case 'it':
      return { role: 'placeholder', id, data: { data: element.textContent ?? '' } }
    case 'bpt':
      return { role: 'open', id, data: { start: element.textContent ?? '', end: '' } }
    case 'ept':
      return { role: 'close', id, data: { data: element.textContent ?? '' } }
    case 'mrk':
      return { role: 'wrapper' }
    default:
      return { role: 'unknown' }
  }
}

const OWN = 'polyglot-press'

function writeComments(x: XmlBuilder, unit: Element, comments: Comment[]): void {
  for (const c of comments) {
    const note = x.textElement(unit, 'note', c.text, { from: c.author, annotates: 'target' }, 4)
    note.setAttributeNS(PRESS_NS, 'pp:id', c.id)
    note.setAttributeNS(PRESS_NS, 'pp:date', c.date)
    note.setAttributeNS(PRESS_NS, 'pp:resolved', c.resolved ? 'yes' : 'no')
    if (c.needsWork) note.setAttributeNS(PRESS_NS, 'pp:needs-work', 'yes')
    for (const r of c.replies ?? []) {
      const reply = x.textElement(unit, 'note', r.text, { from: r.author, annotates: 'target' }, 4)
      reply.setAttributeNS(PRESS_NS, 'pp:reply-to', c.id)
      reply.setAttributeNS(PRESS_NS, 'pp:date', r.date)
    }
  }
}

function readComments(unit: Element): ImportedComment[] {
  const out: ImportedComment[] = []
  for (const note of [...unit.getElementsByTagNameNS(XLIFF12_NS, 'note')]) {
    const from = note.getAttribute('from') ?? ''
    const text = note.textContent ?? ''
    if (from === OWN || text.trim() === '' || (from === DEVELOPER && note.getAttribute('annotates') === 'source')) continue
    const author = from || TOOL_AUTHOR
    const date = note.getAttributeNS(PRESS_NS, 'date') || undefined
    const replyTo = note.getAttributeNS(PRESS_NS, 'reply-to')
    if (replyTo) {
      const parent = out.find((c) => c.id === replyTo)
      if (parent && date) parent.replies.push({ author, date, text })
      continue
    }
    const id = note.getAttributeNS(PRESS_NS, 'id')
    out.push({
      ...(id ? { id } : {}),
      author,
      ...(date ? { date } : {}),
      text: id ? text : text.trim(),
      resolved: note.getAttributeNS(PRESS_NS, 'resolved') === 'yes',
      needsWork: note.getAttributeNS(PRESS_NS, 'needs-work') === 'yes',
      replies: [],
    })
  }
  return out
}
