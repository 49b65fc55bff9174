/**
 * rehype plugin: typography per language at render time (the translation
 * files are never rewritten). Each block's text is typeset as one run, in the
 * language of the nearest `lang` (a fallback block shows the source text and
 * is typeset as the source language); code, preformatted text and links that
 * show their URL are context only, attributes are never touched.
 * See src/edition/typography/typeset.ts for the rules.
 */
import type { Element, ElementContent, Root, Text } from 'hast'
import type { Plugin } from 'unified'
import { typesetPieces, type Piece } from '../typography/typeset.ts'

export interface Options {
  /** The edition's language (the language of text with no nearer `lang`). */
  language: string
}

const untouched = new Set(['code', 'pre', 'kbd', 'samp', 'var', 'script', 'style', 'math', 'svg', 'textarea'])
const blocks = new Set([
  ...'p li h1 h2 h3 h4 h5 h6 td th dt dd dl ul ol table thead tbody tr blockquote figure figcaption caption'.split(' '),
  ...'section nav div header footer aside body html head title'.split(' '),
])

export const rehypeTypography: Plugin<[Options], Root> = function (options) {
  return (tree) => typesetTree(tree, options.language)
}

/** Typeset a hast tree (or one element of it) in place. */
export function typesetTree(tree: Root | Element, language: string): void {
  const units: { language: string; parts: (Text | Piece)[] }[] = []
  collect(tree, language, units)
  for (const unit of units) {
    const pieces = unit.parts.map((part) => ('type' in part ? { text: part.value } : part))
    const out = typesetPieces(pieces, unit.language)
    unit.parts.forEach((part, i) => {
      if ('type' in part) part.value = out[i]!
    })
  }
}

/** Gather the text of each block (a unit per block and per change of language). */
function collect(node: Root | Element, language: string, units: { language: string; parts: (Text | Piece)[] }[]): void {
  const unit = { language, parts: [] as (Text | Piece)[] }
  units.push(unit)
  const walk = (children: ElementContent[] | Root['children'], lang: string): void => {
    for (const child of children) {
      if (child.type === 'text') unit.parts.push(child)
      if (child.type !== 'element') continue
      const own = typeof child.properties.lang === 'string' && child.properties.lang !== '' ? child.properties.lang : lang
      if (untouched.has(child.tagName) || showsUrl(child)) unit.parts.push({ text: plain(child), locked: true })
      else if (blocks.has(child.tagName) || own !== lang) {
        unit.parts.push({ text: ' ', locked: true })
        collect(child, own, units)
        unit.parts.push({ text: ' ', locked: true })
      } else walk(child.children, lang)
    }
  }
  walk(node.children, language)
}

function showsUrl(node: Element): boolean {
  if (node.tagName !== 'a') return false
  const text = plain(node).trim()
  const href = typeof node.properties.href === 'string' ? node.properties.href : ''
  return text === href || /^(?:[a-z][a-z0-9+.-]*:|www\.)/i.test(text)
}

function plain(node: ElementContent): string {
  if (node.type === 'text') return node.value
  return node.type === 'element' ? node.children.map(plain).join('') : ''
}
