/**
 * Numbers in prose, normalised across languages: digit systems (Arabic-Indic,
 * full-width), decimal and group separators by language ("4.5" / "4,5";
 * "1,500" / "1 500" / "1500"), scale words ("4.5 billion" = "4,5 milliards" =
 * "4,5 млрд" = "4.5 مليارات" = "45亿" = "4500 millones"), and, as optional
 * matches, Chinese numerals and month names (so "October" matches "10月").
 */

import { scalePatterns } from './number-words.ts'

export interface NumberToken {
  raw: string
  value: number
  /** The value without its scale word, when it had one. */
  unscaled?: number
}

export interface NumbersFound {
  tokens: NumberToken[]
  /** Values that may stand for a number written in digits on the other side. */
  optional: number[]
}

const decimalDigit = /^\p{Nd}$/u

/**
 * The value of a decimal digit of any script (Arabic-Indic ٣, Extended
 * Arabic-Indic ۳, Devanagari ३, Bengali ৩, Thai ๓, full-width ３ …): Unicode
 * keeps each script's digits as a run of ten starting at zero.
 */
function digitValue(code: number): number {
  let value = digitValues.get(code)
  if (value === undefined) {
    let steps = 0
    while (decimalDigit.test(String.fromCodePoint(code - steps - 1))) steps++
    value = steps % 10
    digitValues.set(code, value)
  }
  return value
}

const digitValues = new Map<number, number>()

/** Western digits and separators for any digit system. */
export function normalizeDigits(text: string): string {
  let out = ''
  for (const char of text) {
    const code = char.codePointAt(0)!
    if (code > 0x7f && decimalDigit.test(char)) out += String(digitValue(code))
    else if (char === '\u066b' || char === '\uff0e') out += '.'
    else if (char === '\u066c' || char === '\uff0c') out += ','
    else out += char
  }
  return out
}

interface Separators {
  decimal: '.' | ','
  group: string
  /** Indian grouping: 25,00,000 (groups of two above the thousands). */
  twoDigitGroups: boolean
}

const separatorCache = new Map<string, Separators>()

/** Decimal and group separators of a tag, from CLDR through Intl.NumberFormat (once per tag: a formatter is slow to make). */
function separators(language: string): Separators {
  let found = separatorCache.get(language)
  if (!found) {
    found = localSeparators(language)
    separatorCache.set(language, found)
  }
  return found
}

function localSeparators(language: string): Separators {
  try {
    const parts = new Intl.NumberFormat(language, { numberingSystem: 'latn' }).formatToParts(1234567.5)
    const decimal = parts.find((p) => p.type === 'decimal')?.value === ',' ? ',' : '.'
    const groups = parts.filter((p) => p.type === 'group')
    const integers = parts.filter((p) => p.type === 'integer').map((p) => p.value)
    return {
      decimal,
      group: groups[0]?.value ?? (decimal === '.' ? ',' : '.'),
      twoDigitGroups: integers.some((i, n) => n > 0 && i.length === 2),
    }
  } catch {
    return { decimal: '.', group: ',', twoDigitGroups: false }
  }
}

const spaceLike = /[\u0020\u00a0\u202f\u2009]/

export function findNumbers(prose: string, language: string): NumbersFound {
  const text = normalizeDigits(prose)
  return { tokens: numberTokens(text, language), optional: optionalNumbers(text, language) }
}

/** The numbers written in digits in `text` (digits already normalised by `normalizeDigits`). */
export function numberTokens(text: string, language: string): NumberToken[] {
  const tokens: NumberToken[] = []
  for (const match of text.matchAll(/\d+(?:[.,'’\u0020\u00a0\u202f\u2009]\d+)*/g)) {
    const { decimal, group, twoDigitGroups } = separators(language)
    const after = text.slice(match.index + match[0].length, match.index + match[0].length + 16)
    const parts = match[0].split(/([.,'’\u0020\u00a0\u202f\u2009])/)
    // Walk the parts: a group separator follows 1-3 digits and precedes exactly three.
    const numbers: string[] = []
    let current = parts[0]!
    let grouped = false
    let hasDecimal = false
    for (let i = 1; i < parts.length; i += 2) {
      const sep = parts[i]!
      const digits = parts[i + 1]!
      const last = i + 2 >= parts.length || parts[i + 1 + 1] === decimal
      const canGroup =
        !hasDecimal && (digits.length === 3 || (twoDigitGroups && digits.length === 2 && !last)) && (grouped || current.length <= 3)
      if ((spaceLike.test(sep) || sep === group) && canGroup) {
        current += digits
        grouped = true
      } else if (sep === decimal && !hasDecimal) {
        current += '.' + digits
        hasDecimal = true
      } else {
        numbers.push(current)
        current = digits
        grouped = false
        hasDecimal = false
      }
    }
    numbers.push(current)
    numbers.forEach((n, index) => {
      const value = Number(n)
      const scale = index === numbers.length - 1 ? scaleAt(after, language) : undefined
      tokens.push(scale ? { raw: n, value: value * scale, unscaled: value } : { raw: n, value })
    })
  }
  return tokens
}

/** Values that may stand for a number in digits on the other side: Chinese numerals and month names (normalised `text`). */
export function optionalNumbers(text: string, language: string): number[] {
  return [...chineseNumerals(text), ...monthNumbers(text, language.split('-')[0]!)]
}

function scaleAt(after: string, language: string): number | undefined {
  for (const [pattern, factor] of scalePatterns(language)) if (pattern.test(after)) return factor
  return undefined
}

const chineseDigits: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 }
const chineseUnits: Record<string, number> = { 十: 10, 百: 100, 千: 1000 }

function chineseNumerals(text: string): number[] {
  const values: number[] = []
  for (const [run] of text.matchAll(/[零〇一二两三四五六七八九十百千万亿]+/g)) {
    if (/^[万亿]+$/.test(run)) continue
    let total = 0
    let section = 0
    let digit = 0
    for (const char of run) {
      if (char in chineseDigits) digit = chineseDigits[char]!
      else if (char in chineseUnits) {
        section += (digit || 1) * chineseUnits[char]!
        digit = 0
      } else {
        const big = char === '万' ? 1e4 : 1e8
        total += (section + digit) * big
        section = 0
        digit = 0
      }
    }
    values.push(total + section + digit)
  }
  return values
}

const monthCache = new Map<string, [RegExp, number][]>()

/** The month numbers whose name (in `language`) is a word of `text`; a month may come twice (its two forms). */
function monthNumbers(text: string, language: string): number[] {
  let months = monthCache.get(language)
  if (!months) {
    months = monthPatterns(language)
    monthCache.set(language, months)
  }
  // The two forms of a month are often one word, one pattern: test it once.
  const found = new Map<RegExp, boolean>()
  const matches = (pattern: RegExp): boolean => {
    let match = found.get(pattern)
    if (match === undefined) {
      match = pattern.test(text)
      found.set(pattern, match)
    }
    return match
  }
  return months.filter(([pattern]) => matches(pattern)).map(([, n]) => n)
}

/** Each month's name alone and in a date ("October", "15 octobre": "octobre"), as whole-word patterns, in month order. */
function monthPatterns(language: string): [RegExp, number][] {
  const forms = ([{ month: 'long' }, { month: 'long', day: 'numeric' }] as Intl.DateTimeFormatOptions[]).map((options) => {
    try {
      return new Intl.DateTimeFormat(language, { ...options, timeZone: 'UTC' })
    } catch {
      return undefined
    }
  })
  const patterns = new Map<string, RegExp>()
  const months: [RegExp, number][] = []
  for (let m = 0; m < 12; m++) {
    const date = new Date(Date.UTC(2019, m, 15))
    for (const form of forms) {
      if (!form) continue
      const name = form.format(date).replace(/\d+/g, '').trim()
      const letters = name.match(/\p{L}+/gu)?.sort((a, b) => b.length - a.length)[0]
      if (!letters || letters.length < 3) continue
      let pattern = patterns.get(letters)
      if (!pattern) {
        pattern = new RegExp(`(?<!\\p{L})${letters}(?!\\p{L})`, 'iu')
        patterns.set(letters, pattern)
      }
      months.push([pattern, m + 1])
    }
  }
  return months
}
