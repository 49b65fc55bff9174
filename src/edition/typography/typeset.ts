/**
 * The typographic pass over one run of text: quotes and apostrophes, dashes,
 * ellipses, no-break spaces (French spacing, numbers with their units and
 * scale words, digit groups), full-width CJK punctuation and Arabic
 * punctuation. The text comes as pieces (the text nodes of one block); a
 * locked piece (code, a URL) is context only and is never changed, and no
 * rule changes a URL or an e-mail address inside a text piece.
 */
import { conventionsOf, type Conventions } from './conventions.ts'

export interface Piece {
  text: string
  /** Context only (code, a link showing its URL): never changed. */
  locked?: boolean
}

/** Text as one string, with the piece each character came from and whether it may change. */
interface Run {
  text: string
  owner: number[]
  locked: boolean[]
}

type Rule = [RegExp, (match: RegExpExecArray, run: string) => string]

const cjk = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\u3000-\u303F\uFF00-\uFFEF'
const CJK = `[${cjk}]`
const protectedSpans = /\b(?:https?|ftp|mailto):[^\s<>"]+|\bwww\.[^\s<>"]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+/gu

/** Typeset pieces of text in a language; returns the new text of every piece (locked ones unchanged). */
export function typesetPieces(pieces: readonly Piece[], language: string): string[] {
  // Strings are joined, never grown a character at a time: `+=` leaves ropes the edition would keep (tens of MB).
  let run: Run = { text: pieces.map((piece) => piece.text).join(''), owner: [], locked: [] }
  pieces.forEach((piece, index) => {
    for (let i = 0; i < piece.text.length; i++) {
      run.owner.push(index)
      run.locked.push(piece.locked === true)
    }
  })
  for (const match of run.text.matchAll(protectedSpans)) for (let i = 0; i < match[0].length; i++) run.locked[match.index + i] = true
  for (const [pattern, replace] of rulesFor(conventionsOf(language))) run = apply(run, pattern, replace)
  const out = pieces.map((): string[] => [])
  for (let i = 0; i < run.text.length; i++) out[run.owner[i]!]!.push(run.text[i]!)
  return pieces.map((piece, i) => (piece.locked ? piece.text : out[i]!.join('')))
}

/** Typeset one string (for generated text: titles, running heads, colophon lines). */
export function typeset(text: string, language: string): string {
  return typesetPieces([{ text }], language)[0]!
}

function apply(run: Run, pattern: RegExp, replace: Rule[1]): Run {
  const next: Run = { text: '', owner: [], locked: [] }
  const text: string[] = []
  let last = 0
  const copy = (from: number, to: number): void => {
    text.push(run.text.slice(from, to))
    for (let i = from; i < to; i++) {
      next.owner.push(run.owner[i]!)
      next.locked.push(run.locked[i]!)
    }
  }
  for (const match of run.text.matchAll(pattern)) {
    const start = match.index
    const end = start + match[0].length
    if (run.locked.slice(start, end).some(Boolean)) continue
    const value = replace(match, run.text)
    if (value === match[0]) continue
    copy(last, start)
    const owner = run.owner[start] ?? run.owner[start - 1] ?? 0
    for (let i = 0; i < value.length; i++) {
      next.owner.push(value.length === match[0].length ? run.owner[start + i]! : owner)
      next.locked.push(false)
    }
    text.push(value)
    last = end
  }
  if (last === 0) return run
  copy(last, run.text.length)
  next.text = text.join('')
  return next
}

const opensBefore = /[\s([{\u2018\u201C\u00AB\u2014\u2013/\u00A0\u202F-]/u

function quoteRule(c: Conventions): Rule {
  const [open, close, innerOpen, innerClose] = c.quotes
  return [
    /["']/gu,
    (m, text) => {
      const before = text[m.index - 1]
      const after = text[m.index + 1]
      const opening = (before === undefined || opensBefore.test(before)) && after !== undefined && !/\s/u.test(after)
      if (m[0] === '"') return opening ? open : close
      if (before !== undefined && /[\p{L}\p{N}]/u.test(before) && after !== undefined && /\p{L}/u.test(after)) return '’'
      if (!opening && before !== undefined && /s/u.test(before) && (after === undefined || /[\s.,;:!?)]/u.test(after))) {
        return c.quotes[0] === '“' ? '’' : innerClose
      }
      if (opening && after !== undefined && /\d/u.test(after) && /\d\ds/u.test(text.slice(m.index + 1, m.index + 4))) return '’'
      return opening ? innerOpen : innerClose
    },
  ]
}

function dashRules(c: Conventions): Rule[] {
  const suspended = '(?!\\s*(?:and|or|to|und|oder|bis|et|ou|y|o|e|и|или)\\s)'
  const dash = c.dash === 'closed-em' ? '—' : c.dash === 'spaced-em' ? '\u00A0— ' : c.dash === 'spaced-en' ? '\u00A0– ' : '——'
  if (c.dash === 'cjk') return [[new RegExp(`(?<=${CJK}|\\p{N})\\s*(?:--?|—)\\s*(?=${CJK})`, 'gu'), () => dash]]
  return [
    [/(?<=[\p{L}\p{M}\p{N}.,;%…)\]’”»])(?: +-{1,3} +| *--{1,2} *)(?=[\p{L}\p{N}(«“‘„])/gu, () => dash],
    [new RegExp(`(?<=\\p{L})- +${suspended}(?=\\p{L})`, 'gu'), () => dash],
    [/(?<=[\p{L},])\s+-(?=\p{L})/gu, () => dash],
  ]
}

function frenchRules(): Rule[] {
  const space = '[ \\u00A0\\u202F]'
  return [
    [new RegExp(`(?<=[\\p{L}\\p{N}%»)\\]…’”])${space}?([;!?]+)(?=\\s|$|[»)\\]”’"]|\\uFFFC)`, 'gu'), (m) => `\u202F${m[1]}`],
    [new RegExp(`(?<=[\\p{L}»)\\]…’”])${space}?:(?=\\s|$)|(?<=\\p{N})${space}:(?=\\s|$)`, 'gu'), () => '\u202F:'],
    [new RegExp(`«${space}*`, 'gu'), () => '«\u202F'],
    [new RegExp(`${space}*»`, 'gu'), () => '\u202F»'],
    [new RegExp(`(?<=\\p{N})${space}?%`, 'gu'), () => '\u202F%'],
  ]
}

function numberRules(c: Conventions): Rule[] {
  const words = [...c.scaleWords].sort((a, b) => b.length - a.length).map((w) => w.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'))
  const rules: Rule[] = [
    [/(?<=\p{N}) %/gu, () => '\u00A0%'],
    [new RegExp(`(?<=\\p{N}) (?=(?:${words.join('|')})(?![\\p{L}\\p{N}]))`, 'gu'), () => '\u00A0'],
  ]
  const group = c.groupSpace
  if (group) rules.push([/(?<=(?<![\p{N}.,])\p{N}{1,3})[ \u00A0\u202F](?=\p{N}{3}(?!\p{N}))/gu, () => group])
  return rules
}

function cjkRules(): Rule[] {
  const full: Record<string, string> = { ',': '，', '.': '。', ':': '：', ';': '；', '?': '？', '!': '！' }
  return [
    [/\.\.\.|…(?!…)/gu, (m, text) => (text[m.index - 1] === '…' ? m[0] : '……')],
    [new RegExp(`(?<=${CJK})\\s*([,.:;?!])(?=\\s|$|${CJK}|\\p{N})[ \\u00A0]*`, 'gu'), (m) => full[m[1]!] ?? m[0]],
    [/(?<=[。，、；：？！）」』])[ \u00A0]+/gu, () => ''],
    [new RegExp(`[ \\u00A0]+(?=[。，、；：？！）」』])`, 'gu'), () => ''],
  ]
}

function arabicRules(): Rule[] {
  const full: Record<string, string> = { ',': '،', ';': '؛', '?': '؟' }
  return [[/(?<=\p{Script=Arabic}\p{M}*)\s*([,;?])/gu, (m) => full[m[1]!] ?? m[0]]]
}

const cache = new Map<Conventions, Rule[]>()

function rulesFor(c: Conventions): Rule[] {
  let rules = cache.get(c)
  if (!rules) {
    rules = [
      ...(c.cjk ? cjkRules() : [[/\.\.\./gu, () => '…'] as Rule]),
      ...(c.arabic ? arabicRules() : []),
      ...dashRules(c),
      quoteRule(c),
      ...(c.frenchSpacing ? frenchRules() : []),
      ...numberRules(c),
    ]
    cache.set(c, rules)
  }
  return rules
}
