/**
 * Gettext PO through gettext-parser. One message per paragraph ID: msgctxt =
 * the ID, msgid = the current source, msgstr = the translation, Markdown kept
 * as is. A stale entry is `#, fuzzy` with the source it was translated from
 * as `#| msgid`; a draft (state initial with text) is fuzzy without `#|`.
 * Gettext has no reviewed/final: those export as plain translated messages
 * and keep their state when the text comes back unchanged. Reviewers'
 * comments are translator comments (`# `), in the form comments.ts describes.
 */
import * as gettextParser from 'gettext-parser'
import type { GetTextTranslation } from 'gettext-parser'
import { problem, PressError, type Place } from '../util/problems.ts'
import { commentsFromPo, commentsToPo } from './comments.ts'
import { contextNote, type ExportHeader, type ExportUnit, type ImportedDocument, type ImportedUnit } from './units.ts'

const BASE = 'press-base: '

/** A message of a catalog keyed by source text (no msgctxt), for migration. */
export interface CatalogEntry {
  msgid: string
  msgstr: string
  fuzzy: boolean
  /** For a fuzzy message: the msgid its translation was made for (`#| msgid`), when the catalog says. */
  previous?: string
  place?: Place
}

export interface PoDocument extends ImportedDocument {
  /** Messages without msgctxt (a catalog keyed by source text). */
  catalog: CatalogEntry[]
}

const quote = (text: string): string =>
  '"' + text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n').replace(/\t/g, '\\t').replace(/\r/g, '\\r') + '"'

export function writePo(header: ExportHeader, units: ExportUnit[]): string {
  const headers: Record<string, string> = {
    'Project-Id-Version': header.publication,
    'PO-Revision-Date': `${header.date ?? '1970-01-01'} 00:00+0000`,
    'Last-Translator': header.producedBy ?? 'Polyglot Press',
    'Language-Team': header.targetLanguage,
    Language: header.targetLanguage,
    'MIME-Version': '1.0',
    'Content-Type': 'text/plain; charset=UTF-8',
    'Content-Transfer-Encoding': '8bit',
    'X-Generator': 'Polyglot Press',
    'X-Source-Language': header.sourceLanguage,
    'X-Publication': header.publication,
  }
  const translations: Record<string, Record<string, GetTextTranslation>> = { '': { '': { msgid: '', msgstr: [''] } } }
  for (const unit of units) {
    const fuzzy = unit.stale || (unit.state === 'initial' && unit.target !== '')
    translations[unit.id] = {
      [unit.source]: {
        msgctxt: unit.id,
        msgid: unit.source,
        msgstr: [unit.target],
        comments: {
          ...(unit.comments ? { translator: commentsToPo(unit.comments) } : {}),
          // The source's comment before the block first (`#.` lines), for the translator; reviewers' comments are `# `.
          extracted: `${unit.translatorNote ? unit.translatorNote + '\n' : ''}${contextNote(unit)}\n${BASE}${unit.base}`,
          reference: unit.location,
          ...(fuzzy ? { flag: 'fuzzy' } : {}),
          ...(unit.previousSource !== undefined ? { previous: `msgid ${quote(unit.previousSource)}` } : {}),
        },
      },
    }
  }
  return gettextParser.po.compile({ charset: 'utf-8', headers, translations }).toString('utf8')
}

export function readPo(text: string, path: string): PoDocument {
  const seen = new Map<string, Place>()
  for (const { id, place } of contextLines(text)) {
    const first = seen.get(id)
    if (first) {
      throw new PressError(
        problem(`Paragraph ID "${id}" appears twice in this file (first at line ${first.line}).`, {
          file: path,
          place,
          hint: 'Each ID may appear once: keep one of the two messages.',
          ruleId: 'duplicate-id',
        }),
      )
    }
    seen.set(id, place)
  }
  let parsed: ReturnType<typeof gettextParser.po.parse>
  try {
    parsed = gettextParser.po.parse(text, { validation: true })
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    const line = /at line (\d+)/.exec(message)?.[1]
    throw new PressError(
      problem(`This PO file cannot be read: ${message.replace(/^Error parsing PO data: /, '').replace(/ at line \d+/, '')}`, {
        file: path,
        place: line ? { line: Number(line), column: 1 } : undefined,
        hint:
          'Check the quoting at this line (a quote inside a string must be written \\"); ' +
          '`msgfmt --check` names the same problem. Nothing was imported.',
        ruleId: 'malformed-po',
      }),
    )
  }
  const places = scanPlaces(text)
  const units: ImportedUnit[] = []
  const catalog: CatalogEntry[] = []
  for (const [context, messages] of Object.entries(parsed.translations)) {
    for (const message of Object.values(messages)) {
      if (context === '' && message.msgid === '') continue
      const target = message.msgstr[0] ?? ''
      const fuzzy = (message.comments?.flag ?? '').split(',').some((f) => f.trim() === 'fuzzy')
      const place = places.get(`${context}\u0000${message.msgid}`)
      if (context === '' && message.msgctxt === undefined) {
        const previous = previousMsgid(message.comments?.previous)
        catalog.push({
          msgid: message.msgid,
          msgstr: target,
          fuzzy,
          ...(fuzzy && previous !== undefined ? { previous } : {}),
          ...(place ? { place } : {}),
        })
        continue
      }
      const base = (message.comments?.extracted ?? '')
        .split('\n')
        .find((line) => line.startsWith(BASE))
        ?.slice(BASE.length)
      const stale = fuzzy && message.comments?.previous !== undefined && target !== ''
      const comments = commentsFromPo(message.comments?.translator)
      units.push({
        id: context,
        source: message.msgid,
        target,
        state: target === '' || (fuzzy && !stale) ? 'initial' : 'translated',
        stale,
        ...(base ? { base } : {}),
        ...(place ? { place } : {}),
        ...(comments.length > 0 ? { comments } : {}),
      })
    }
  }
  units.sort((a, b) => (a.place?.line ?? 0) - (b.place?.line ?? 0))
  const headers = parsed.headers
  // gettext writes a locale (`pt_BR`), press a BCP 47 tag (`pt-BR`).
  const language = (headers['Language'] ?? headers['language'])?.trim().replace(/_/g, '-')
  const publication = headers['X-Publication'] ?? headers['Project-Id-Version']
  const languageLine = text.split('\n').findIndex((line) => line.startsWith('"Language:'))
  return {
    format: 'po',
    ...(publication ? { publication } : {}),
    ...(headers['X-Source-Language'] ? { sourceLanguage: headers['X-Source-Language'] } : {}),
    ...(language ? { targetLanguage: language } : {}),
    ...(languageLine >= 0 ? { languagePlace: { line: languageLine + 1, column: 1 } } : {}),
    units,
    catalog,
  }
}

/** Where each message starts (its msgctxt, else its msgid line), keyed by context and msgid. */
function scanPlaces(text: string): Map<string, Place> {
  const places = new Map<string, Place>()
  const lines = text.split('\n')
  const readString = (start: number, keyword: string): [string, number] => {
    let value = unquote(lines[start]!.slice(keyword.length).trim())
    let i = start + 1
    while (i < lines.length && lines[i]!.trimStart().startsWith('"')) value += unquote(lines[i++]!.trim())
    return [value, i]
  }
  let i = 0
  while (i < lines.length) {
    const line = lines[i]!
    if (line.startsWith('msgctxt ') || line.startsWith('msgid ')) {
      const startLine = i + 1
      let context = ''
      if (line.startsWith('msgctxt ')) [context, i] = readString(i, 'msgctxt')
      if (i < lines.length && lines[i]!.startsWith('msgid ')) {
        const [msgid, next] = readString(i, 'msgid')
        i = next
        const key = `${context}\u0000${msgid}`
        if (!places.has(key)) places.set(key, { line: startLine, column: 1 })
        continue
      }
    }
    i++
  }
  return places
}

/** Every msgctxt of the file with its line, in order (to find duplicates). */
export function contextLines(text: string): { id: string; place: Place }[] {
  const out: { id: string; place: Place }[] = []
  text.split('\n').forEach((line, index) => {
    if (line.startsWith('msgctxt ')) out.push({ id: unquote(line.slice('msgctxt '.length).trim()), place: { line: index + 1, column: 1 } })
  })
  return out
}

/** The msgid of a `#|` comment (gettext-parser gives its lines as `msgid "…"` and `"…"`). */
function previousMsgid(previous: string | undefined): string | undefined {
  if (previous === undefined) return undefined
  const lines = previous.split('\n').map((line) => line.trim())
  const start = lines.findIndex((line) => line.startsWith('msgid '))
  if (start < 0) return undefined
  let value = unquote(lines[start]!.slice('msgid '.length))
  for (const line of lines.slice(start + 1)) {
    if (!line.startsWith('"')) break
    value += unquote(line)
  }
  return value
}

function unquote(quoted: string): string {
  const body = quoted.replace(/^"/, '').replace(/"$/, '')
  return body.replace(/\\(.)/g, (_, c: string) => ({ n: '\n', t: '\t', r: '\r', '"': '"', '\\': '\\' })[c] ?? c)
}
