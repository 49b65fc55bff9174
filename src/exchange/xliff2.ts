/**
 * XLIFF 2.0 (OASIS, urn:oasis:names:tc:xliff:document:2.0).
 *
 * One <unit> per paragraph ID, one <segment> with the entry's state
 * (initial/translated/reviewed/final are XLIFF 2's own states); a stale entry
 * is state="initial" subState="press:stale" with the previous source in a
 * note; the source's comment before the block is a <note category="developer">
 * for the translator (not imported back). Inline Markdown is <pc>/<ph> whose Markdown lives in <originalData>.
 * The entry fingerprint at export time is kept in the Metadata module.
 * Comments: one <note category="press:comment" id="c1"> per comment and one
 * <note category="press:reply" id="c1.r1"> per reply, holding the text; the
 * author, date, resolved (yes/no) and needs-work of each are an
 * <mda:metaGroup> with the note's id. A note a tool adds in another category
 * imports as a new comment.
 */
import type { Element } from '@xmldom/xmldom'
import type { VFileMessage } from 'vfile-message'
import { entryStates, type EntryState } from '../i18n/translation-file.ts'
import { problem, PressError } from '../util/problems.ts'
import { XLIFF2_NS } from './namespaces.ts'
import { alignCodes, toInline, type CodeKind, type Inline } from './inline-codes.ts'
import { checkCodesSurvive, readInline, type CodeData, type InlineElement } from './inline-reader.ts'
import { TOOL_AUTHOR, type ImportedComment } from './comments.ts'
import type { Comment, Reply } from '../i18n/translation-file.ts'
import { contextNote, type ExportHeader, type ExportUnit, type ImportedDocument, type ImportedUnit } from './units.ts'
import { childElements, firstChild, parseXml, placeOf, XmlBuilder } from './xml.ts'

const MDA_NS = 'urn:oasis:names:tc:xliff:metadata:2.0'
const STALE = 'press:stale'

const types: Record<CodeKind, [string, string?]> = {
  emphasis: ['fmt', 'xlf:i'],
  strong: ['fmt', 'xlf:b'],
  delete: ['fmt'],
  link: ['link'],
  'footnote-ref': ['link'],
  code: ['other'],
  break: ['fmt', 'xlf:lb'],
  image: ['image'],
  html: ['other'],
  other: ['other'],
}

export function writeXliff2(header: ExportHeader, units: ExportUnit[]): string {
  const x = new XmlBuilder(XLIFF2_NS, 'xliff', { mda: MDA_NS })
  x.root.setAttribute('version', '2.0')
  x.root.setAttribute('srcLang', header.sourceLanguage)
  x.root.setAttribute('trgLang', header.targetLanguage)
  const file = x.element(x.root, 'file', { id: header.publication, original: `content/${header.publication}` }, 1)
  for (const unit of units) {
    const u = x.element(file, 'unit', { id: unit.id, 'xml:space': 'preserve' }, 2)
    const metadata = x.element(u, 'mda:metadata', {}, 3, MDA_NS)
    const group = x.element(metadata, 'mda:metaGroup', { category: 'polyglot-press' }, 4, MDA_NS)
    x.textElement(group, 'mda:meta', unit.base, { type: 'press:base' }, 5, MDA_NS)
    x.close(group, 4)
    for (const [noteId, category, c, extra] of commentNotes(unit.comments)) {
      const g = x.element(metadata, 'mda:metaGroup', { id: noteId, category }, 4, MDA_NS)
      x.textElement(g, 'mda:meta', c.author, { type: 'author' }, 5, MDA_NS)
      x.textElement(g, 'mda:meta', c.date, { type: 'date' }, 5, MDA_NS)
      for (const [type, value] of extra) x.textElement(g, 'mda:meta', value, { type }, 5, MDA_NS)
      x.close(g, 4)
    }
    x.close(metadata, 3)
    const notes = x.element(u, 'notes', {}, 3)
    x.textElement(notes, 'note', contextNote(unit), { category: 'context' }, 4)
    x.textElement(notes, 'note', unit.location, { category: 'location' }, 4)
    if (unit.translatorNote) x.textElement(notes, 'note', unit.translatorNote, { category: 'developer', appliesTo: 'source' }, 4)
    if (unit.previousSource !== undefined) x.textElement(notes, 'note', unit.previousSource, { category: 'previous-source' }, 4)
    for (const [noteId, category, c] of commentNotes(unit.comments)) x.textElement(notes, 'note', c.text, { id: noteId, category }, 4)
    x.close(notes, 3)
    const isCode = unit.kind === 'code'
    const source = toInline(unit.source, { code: isCode })
    const target = alignCodes(source, toInline(unit.target, { code: isCode }))
    const data = new Map<string, string>()
    const ref = (markdown: string): string => {
      if (!data.has(markdown)) data.set(markdown, `d${data.size + 1}`)
      return data.get(markdown)!
    }
    const fill = (element: Element, parts: Inline[]): void => {
      for (const part of parts) {
        if (typeof part === 'string') {
          element.appendChild(x.document.createTextNode(part))
          continue
        }
        const [type, subType] = types[part.kind]
        const code = x.document.createElementNS(XLIFF2_NS, part.type)
        code.setAttribute('id', part.id)
        code.setAttribute('type', type)
        if (subType) code.setAttribute('subType', subType)
        if (part.type === 'ph') {
          code.setAttribute('dataRef', ref(part.data))
          code.setAttribute('disp', part.data)
        } else {
          code.setAttribute('dataRefStart', ref(part.start))
          code.setAttribute('dataRefEnd', ref(part.end))
          fill(code, part.children)
        }
        element.appendChild(code)
      }
    }
    const segmentState = unit.stale ? { state: 'initial', subState: STALE } : { state: unit.state }
    // Fill the segment first (to number the data), then write <originalData> before it.
    const segment = x.document.createElementNS(XLIFF2_NS, 'segment')
    const sourceElement = x.element(segment, 'source', {}, 4)
    fill(sourceElement, source)
    if (unit.target !== '') fill(x.element(segment, 'target', {}, 4), target)
    x.close(segment, 3)
    for (const [key, value] of Object.entries(segmentState)) segment.setAttribute(key, value)
    if (data.size > 0) {
      const original = x.element(u, 'originalData', {}, 3)
      for (const [markdown, id] of data) x.textElement(original, 'data', markdown, { id }, 4)
      x.close(original, 3)
    }
    u.appendChild(x.document.createTextNode('\n      '))
    u.appendChild(segment)
    x.close(u, 2)
  }
  x.close(file, 1)
  return x.serialize()
}

const rank = (state: EntryState): number => entryStates.indexOf(state)

export function readXliff2(text: string, path: string): ImportedDocument {
  const document = parseXml(text, path)
  const root = document.documentElement!
  const messages: VFileMessage[] = []
  const fail = (reason: string, at: Element, hint: string, ruleId = 'invalid-xliff'): void => {
    messages.push(problem(reason, { file: path, place: placeOf(at), hint, ruleId }))
  }
  if (root.namespaceURI !== XLIFF2_NS || root.localName !== 'xliff' || root.getAttribute('version')?.startsWith('2.') !== true) {
    fail('This is not an XLIFF 2 document.', root, `The root must be <xliff version="2.0" xmlns="${XLIFF2_NS}">.`)
    throw new PressError(messages)
  }
  const units: ImportedUnit[] = []
  const unitElements: Element[] = []
  const collect = (parent: Element): void => {
    for (const child of childElements(parent, XLIFF2_NS)) {
      if (child.localName === 'unit') unitElements.push(child)
      else if (child.localName === 'group' || child.localName === 'file') collect(child)
    }
  }
  collect(root)
  for (const element of unitElements) {
    const id = element.getAttribute('id') ?? ''
    const data = new Map<string, string>()
    const original = firstChild(element, XLIFF2_NS, 'originalData')
    if (original) for (const d of childElements(original, XLIFF2_NS, 'data')) data.set(d.getAttribute('id') ?? '', d.textContent ?? '')
    const vocabulary = { namespace: XLIFF2_NS, classify: (e: Element) => classify(e, data) }
    let source = ''
    let target = ''
    let state: EntryState | undefined
    let stale = false
    let hasTarget = false
    for (const part of childElements(element, XLIFF2_NS).filter((e) => e.localName === 'segment' || e.localName === 'ignorable')) {
      const sourceElement = firstChild(part, XLIFF2_NS, 'source')
      if (!sourceElement) {
        fail(`Unit "${id}" has a ${part.localName} without <source>.`, part, 'Every segment needs its source.')
        continue
      }
      const read = readInline(sourceElement, vocabulary, path, messages)
      source += read.markdown
      const targetElement = firstChild(part, XLIFF2_NS, 'target')
      if (targetElement) {
        hasTarget = true
        const result = readInline(targetElement, vocabulary, path, messages, read.codes)
        checkCodesSurvive(result, false, targetElement, path, messages)
        target += result.markdown
      } else if (part.localName === 'ignorable') target += read.markdown
      if (part.localName !== 'segment') continue
      const value = part.getAttribute('state') || 'initial'
      if (!(entryStates as readonly string[]).includes(value)) {
        fail(`Unknown segment state "${value}".`, part, `XLIFF 2 states are ${entryStates.join(', ')}.`)
        continue
      }
      if (state === undefined || rank(value as EntryState) < rank(state)) state = value as EntryState
      if (part.getAttribute('subState') === STALE) stale = true
    }
    const meta = [...element.getElementsByTagNameNS(MDA_NS, 'meta')].find((m) => m.getAttribute('type') === 'press:base')
    const comments = readComments(element)
    units.push({
      id,
      source,
      target: hasTarget ? target : '',
      state: state ?? 'initial',
      stale,
      ...(meta ? { base: meta.textContent ?? '' } : {}),
      ...(placeOf(element) ? { place: placeOf(element)! } : {}),
      ...(comments.length > 0 ? { comments } : {}),
    })
  }
  if (messages.length > 0) throw new PressError(messages)
  const file = firstChild(root, XLIFF2_NS, 'file')
  return {
    format: 'xliff2',
    ...(file?.getAttribute('id') ? { publication: file.getAttribute('id')! } : {}),
    ...(root.getAttribute('srcLang') ? { sourceLanguage: root.getAttribute('srcLang')! } : {}),
    ...(root.getAttribute('trgLang') ? { targetLanguage: root.getAttribute('trgLang')! } : {}),
    ...(placeOf(root) ? { languagePlace: placeOf(root)! } : {}),
    units,
  }
}

function classify(element: Element, data: Map<string, string>): InlineElement {
  const id = element.getAttribute('id') ?? element.getAttribute('startRef') ?? ''
  const get = (attribute: string): string | undefined => {
    const ref = element.getAttribute(attribute)
    return ref ? data.get(ref) : undefined
  }
  const pair = (): CodeData | undefined => {
    const start = get('dataRefStart')
    const end = get('dataRefEnd')
    return start !== undefined && end !== undefined ? { start, end } : undefined
  }
  switch (element.localName) {
    case 'pc':
      return { role: 'paired', id, ...withData(pair()) }
    case 'sc': {
      const start = get('dataRef')
      return { role: 'open', id, ...withData(start !== undefined ? { start, end: '' } : undefined) }
    }
    case 'ec': {
      const value = get('dataRef')
      return { role: 'close', id: element.getAttribute('startRef') ?? id, ...withData(value !== undefined ? { data: value } : undefined) }
    }
    case 'ph': {
      const value = get('dataRef')
      return { role: 'placeholder', id, ...withData(value !== undefined ? { data: value } : undefined) }
    }
    case 'mrk':
      return { role: 'wrapper' }
    case 'sm':
    case 'em':
      return { role: 'text', text: '' }
    case 'cp':
      return { role: 'text', text: String.fromCodePoint(parseInt(element.getAttribute('hex') ?? '0', 16)) }
    default:
      return { role: 'unknown' }
  }
}

const withData = (data: CodeData | undefined): { data?: CodeData } => (data ? { data } : {})

const COMMENT = 'press:comment'
const REPLY = 'press:reply'
const OWN_NOTES = new Set(['context', 'location', 'previous-source', 'developer'])

/** [note id, category, comment or reply, extra metadata] for each comment and reply, in order. */
function commentNotes(comments: Comment[] | undefined): [string, string, Comment | Reply, [string, string][]][] {
  return (comments ?? []).flatMap((c) => [
    [c.id, COMMENT, c, [['resolved', c.resolved ? 'yes' : 'no'], ...(c.needsWork ? [['needs-work', 'yes']] : [])]] as [
      string,
      string,
      Comment,
      [string, string][],
    ],
    ...(c.replies ?? []).map((r, i) => [`${c.id}.r${i + 1}`, REPLY, r, []] as [string, string, Reply, [string, string][]]),
  ])
}

function readComments(unit: Element): ImportedComment[] {
  const groups = new Map<string, Map<string, string>>()
  for (const group of [...unit.getElementsByTagNameNS(MDA_NS, 'metaGroup')]) {
    const metas = new Map<string, string>()
    for (const m of [...group.getElementsByTagNameNS(MDA_NS, 'meta')]) metas.set(m.getAttribute('type') ?? '', m.textContent ?? '')
    if (group.getAttribute('id')) groups.set(group.getAttribute('id')!, metas)
  }
  const out: ImportedComment[] = []
  const notes = firstChild(unit, XLIFF2_NS, 'notes')
  for (const note of notes ? childElements(notes, XLIFF2_NS, 'note') : []) {
    const category = note.getAttribute('category') ?? ''
    const text = note.textContent ?? ''
    const meta = groups.get(note.getAttribute('id') ?? '')
    const dated = meta?.get('date') ? { date: meta.get('date')! } : {}
    if (category === REPLY) {
      const parent = out.find((c) => c.id === (note.getAttribute('id') ?? '').replace(/\.r\d+$/, ''))
      if (parent && text.trim() !== '' && dated.date)
        parent.replies.push({ author: meta?.get('author') || TOOL_AUTHOR, date: dated.date, text })
      continue
    }
    if (category === COMMENT && meta) {
      out.push({
        id: note.getAttribute('id')!,
        author: meta.get('author') || TOOL_AUTHOR,
        ...dated,
        text,
        resolved: meta.get('resolved') === 'yes',
        needsWork: meta.get('needs-work') === 'yes',
        replies: [],
      })
    } else if (!OWN_NOTES.has(category) && text.trim() !== '') {
      out.push({ author: TOOL_AUTHOR, text: text.trim(), resolved: false, needsWork: false, replies: [] })
    }
  }
  return out
}
