/**
 * Hyphenation of justified print text with the TeX patterns of the `hyphen`
 * package (Liang's algorithm): soft hyphens (U+00AD) in the words of text
 * nodes, with each language's minimum word length and the least letters kept
 * before and after a break. Never in code, links that show their URL, URLs or
 * e-mail addresses, words with digits, or words written in capitals (names,
 * acronyms). A language without patterns is printed ragged (`raggedCss`).
 * CJK text breaks between characters and is never hyphenated.
 */
import { createRequire } from 'node:module'
import type { Element, ElementContent, Root, Text } from 'hast'

interface Hyphenator {
  hyphenateSync(text: string, options?: { hyphenChar?: string; minWordLength?: number }): string
}

export interface HyphenationRule {
  /** The `hyphen` module ("hyphen/en-us"). */
  module: string
  minWord: number
  /**
   * Letters kept before and after a break (TeX's \lefthyphenmin, \righthyphenmin). Chromium breaks after a hyphen that
   * follows two letters only at a <wbr>: src/outputs/pdf/line-breaks.js puts one after every hyphen it breaks at.
   */
  left: number
  right: number
}

const require = createRequire(import.meta.url)
const rules: Record<string, Omit<HyphenationRule, 'module'> & { module?: string }> = {
  en: { module: 'en-us', minWord: 5, left: 2, right: 3 },
  'en-gb': { module: 'en-gb', minWord: 5, left: 2, right: 3 },
  fr: { minWord: 5, left: 2, right: 3 },
  es: { minWord: 5, left: 2, right: 2 },
  ru: { minWord: 5, left: 2, right: 2 },
  de: { minWord: 6, left: 3, right: 2 },
  it: { minWord: 6, left: 3, right: 2 },
  pt: { minWord: 6, left: 3, right: 3 },
}
const unhyphenated = new Set(['zh', 'ja', 'ko', 'ar', 'fa', 'ur', 'he', 'yi', 'th', 'lo', 'km', 'my'])
const loaded = new Map<string, Hyphenator | undefined>()

/** The hyphenation of a language, or undefined when it has no patterns (or needs none: CJK). */
export function hyphenationRule(language: string): HyphenationRule | undefined {
  const tag = language.toLowerCase()
  const base = tag.split('-')[0]!
  if (unhyphenated.has(base)) return undefined
  const rule = rules[tag] ?? rules[base] ?? { minWord: 6, left: 3, right: 3 }
  const module = rule.module ?? base
  return hyphenator(module) ? { ...rule, module } : undefined
}

function hyphenator(module: string): Hyphenator | undefined {
  if (!loaded.has(module)) {
    let value: Hyphenator | undefined
    try {
      value = require(`hyphen/${module}`) as Hyphenator
    } catch {
      value = undefined
    }
    loaded.set(module, typeof value?.hyphenateSync === 'function' ? value : undefined)
  }
  return loaded.get(module)
}

const SHY = '\u00AD'
// Headings and the contents are set ragged (never justified): only running text is hyphenated.
const skipped = new Set([
  'code',
  'pre',
  'kbd',
  'samp',
  'var',
  'script',
  'style',
  'math',
  'svg',
  'sup',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'nav',
])
const protectedSpan = /\b(?:https?|ftp|mailto):\S+|\bwww\.\S+|\S+@\S+\.\S+/gu
const word = /[\p{L}\p{M}’'-]+/gu

/** Hyphenate one word as the rule says (the word as it is when it may not be broken). */
export function hyphenateWord(text: string, rule: HyphenationRule): string {
  if ([...text].length < rule.minWord || /\p{N}/u.test(text) || text === text.toUpperCase() || /\p{Lu}.*\p{Lu}/u.test(text.slice(1))) {
    return text
  }
  const broken = hyphenator(rule.module)!.hyphenateSync(text, { hyphenChar: SHY, minWordLength: rule.minWord })
  const parts = broken.split(SHY)
  let out = ''
  let before = 0
  const total = parts.join('').length
  parts.forEach((part, i) => {
    before += part.length
    const breakHere = i < parts.length - 1 && before >= rule.left && total - before >= rule.right
    const next = parts[i + 1] ?? ''
    out += part + (breakHere && !/[-’']$/.test(part) && !/^[-’']/.test(next) ? SHY : '')
  })
  return out
}

/**
 * Words already hyphenated, per rule, for the life of the process (a build, or a preview session): a text repeats
 * its words, and every parallel edition repeats the source edition's text. A word's hyphenation depends only on the
 * word and the rule, so nothing here goes stale. Cleared when it grows past MAX_WORDS, so memory stays bounded.
 */
const hyphenated = new Map<string, Map<string, string>>()
const MAX_WORDS = 100_000

function wordsOf(rule: HyphenationRule): Map<string, string> {
  const key = `${rule.module} ${rule.minWord} ${rule.left} ${rule.right}`
  let words = hyphenated.get(key)
  if (!words) hyphenated.set(key, (words = new Map()))
  return words
}

/** Hyphenate a string of running text (URLs and e-mail addresses left whole). */
export function hyphenateText(text: string, rule: HyphenationRule): string {
  const words = wordsOf(rule)
  let out = ''
  let last = 0
  for (const match of text.matchAll(protectedSpan)) {
    out += hyphenateWords(text.slice(last, match.index), rule, words) + match[0]
    last = match.index + match[0].length
  }
  return out + hyphenateWords(text.slice(last), rule, words)
}

function hyphenateWords(text: string, rule: HyphenationRule, words: Map<string, string>): string {
  return text.replace(word, (w) => {
    let out = words.get(w)
    if (out === undefined) {
      out = hyphenateWord(w, rule)
      if (words.size >= MAX_WORDS) words.clear()
      words.set(w, out)
    }
    return out
  })
}

/**
 * Hyphenate the text of a tree in place, each part in the language of its nearest `lang`; in Chinese and Japanese, the
 * last two characters of a paragraph are bound (`bindLastCharacters`).
 */
export function hyphenateTree(node: Root | Element, language: string): void {
  const rule = hyphenationRule(language)
  if (node.type === 'element' && node.tagName === 'p' && /^(zh|ja)\b/i.test(language)) bindLastCharacters(node)
  for (const child of node.children as ElementContent[]) {
    if (child.type === 'text' && rule) child.value = hyphenateText(child.value, rule)
    if (child.type !== 'element' || skipped.has(child.tagName) || showsUrl(child)) continue
    const own = typeof child.properties.lang === 'string' && child.properties.lang !== '' ? child.properties.lang : language
    hyphenateTree(child, own)
  }
}

/**
 * A CJK paragraph never ends on a line holding one character ("域。"): its last two characters (with the punctuation
 * after them) go into one no-wrap span, so the line before gives one up. The text is the same (no joiner in it).
 */
export function bindLastCharacters(p: Element): void {
  const last = lastText(p)
  const match = last && /\p{Script=Han}{2}[\p{P}\s]*$/u.exec(last.value)
  if (!last || !match) return
  const parent = parentOf(p, last)!
  const index = parent.children.indexOf(last)
  const bound: Element = {
    type: 'element',
    tagName: 'span',
    properties: { className: ['pp-nowrap'] },
    children: [{ type: 'text', value: match[0] }],
  }
  const before = last.value.slice(0, match.index)
  parent.children.splice(index, 1, ...(before ? [{ type: 'text' as const, value: before }] : []), bound)
}

/** The last text of an element that is not a note reference. */
function lastText(node: Element): Text | undefined {
  for (const child of [...node.children].reverse()) {
    if (child.type === 'text' && child.value.trim() !== '') return child
    if (child.type === 'element' && child.tagName !== 'sup') {
      const found = lastText(child)
      if (found) return found
    }
  }
  return undefined
}

function parentOf(node: Element, target: Text): Element | undefined {
  if (node.children.includes(target)) return node
  for (const child of node.children)
    if (child.type === 'element') {
      const found = parentOf(child, target)
      if (found) return found
    }
  return undefined
}

function showsUrl(node: Element): boolean {
  if (node.tagName !== 'a') return false
  const text = node.children.map((c) => (c.type === 'text' ? c.value : '')).join('')
  return /^(?:[a-z][a-z0-9+.-]*:|www\.)/i.test(text.trim())
}

/**
 * The justification of print text per language: a language without hyphenation patterns (other than CJK, justified
 * between characters) is set ragged; hyphenated text is broken greedily (`text-wrap: wrap`), so that the paginator
 * can turn the soft hyphens it breaks at into hyphens without moving a line (`text-wrap: pretty` weighs a soft
 * hyphen and a hyphen differently and would break the lines again).
 */
export function justificationCss(languages: readonly string[]): string {
  return [...new Set(languages)]
    .map((l) => {
      if (hyphenationRule(l)) return `:lang(${l}) p { text-wrap: wrap; }`
      if (/^(zh|ja|ko)\b/i.test(l)) return ''
      const selectors = [`:lang(${l}) p`, `:lang(${l}) p.pp-split`, `:lang(${l}) p.pp-split:dir(rtl)`, `.pp-split:lang(${l}) > :last-child`]
      return `${selectors.join(', ')} { text-align: start; text-align-last: auto; }`
    })
    .filter(Boolean)
    .join('\n')
}
