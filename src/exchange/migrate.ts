/**
 * Migration from a gettext catalog keyed by source text (mdBook's
 * i18n-helpers, Sphinx, po4a): match each msgid to a block, first exactly
 * after whitespace and markup normalisation, then by similarity above a
 * threshold, and turn the matches into units keyed by paragraph ID.
 */
import { matchScoreOf, profile, type Profile } from '../ids/similarity.ts'
import type { Block } from '../source/segment.ts'
import { blockShaped, markupOnly } from './catalog-shapes.ts'
import type { CatalogEntry } from './po.ts'
import type { ImportedUnit } from './units.ts'

export interface CatalogMatch {
  entry: CatalogEntry
  id: string
  how: 'exact' | 'fuzzy'
  score: number
}

export interface CatalogMatching {
  matches: CatalogMatch[]
  /** Translated messages that matched no block. */
  unmatched: CatalogEntry[]
  /** Messages without a translation (skipped). */
  untranslated: number
  /** Messages that hold only markup (`</details>`, a lone comment): they translate no block (skipped). */
  markupOnly: number
  /** Blocks that no message matched. */
  missing: string[]
  units: ImportedUnit[]
}

/** Similarity a fuzzy match needs (matchScore: mean of Dice and containment, +0.1 for a shared opening). */
export const FUZZY_THRESHOLD = 0.75

const fence = /^[ \t]*(`{3,}|~{3,})[^\n]*\n([\s\S]*?)\n?[ \t]*\1[ \t]*$/

/**
 * A message's text as the other tools extract it, reduced to what a block
 * says: a code block without its fences (mdbook-i18n-helpers and po4a give
 * the code alone, or with its fences), a heading without its `#` marks, other
 * Markdown as plain text (markup, links and note references dropped),
 * whitespace collapsed, lowercased.
 */
export function normalizeForMatching(markdown: string): string {
  const code = fence.exec(markdown)
  if (code) return normalizeCode(code[2]!)
  return plainMarkdown(markdown.replace(/^#{1,6}\s+/, ''))
}

/**
 * Markdown reduced to its words without a parser (thousands of messages are
 * normalised per run): note references, images, inline HTML tags, link
 * targets, emphasis and code marks, escapes and list or quote markers dropped.
 */
function plainMarkdown(markdown: string): string {
  return markdown
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/\[\^[^\]\s]+\]/g, '')
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\](?:\([^)]*\)|\[[^\]]*\])/g, '$1')
    .replace(/<\/?[A-Za-z][^>]*>/g, '')
    .replace(/^[ \t]*(?:[-*+]|\d+[.)]|>)[ \t]+/gm, '')
    .replace(/[*_~`]+/g, '')
    .replace(/\\([\\`*_{}[\]()#+\-.!|>~])/g, '$1')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase()
}

const normalizeCode = (code: string): string => code.replace(/\s+/g, ' ').trim().toLowerCase()

/** A block's text reduced the same way, from its parsed node (code: the code alone). */
export function normalizeBlock(block: Block): string {
  if (block.kind === 'code' && block.node.type === 'code') return normalizeCode(block.node.value)
  return normalizeForMatching(block.text)
}

interface Prepared {
  key: string
  profile: Profile
}

export function matchCatalog(messages: CatalogEntry[], blocks: Block[], ids: string[], threshold = FUZZY_THRESHOLD): CatalogMatching {
  // One message per block, in the shape press gives it (catalog-shapes.ts).
  const catalog = messages.flatMap(blockShaped)
  const translated = catalog.filter((entry) => entry.msgstr.trim() !== '')
  // Each block and each message normalised and tokenised once.
  const preparedBlocks = new Map<string, Prepared>()
  const byText = new Map<string, string[]>()
  ids.forEach((id, i) => {
    const key = normalizeBlock(blocks[i]!)
    preparedBlocks.set(id, { key, profile: profile(key) })
    byText.set(key, [...(byText.get(key) ?? []), id])
  })
  // Code blocks also by their bare code: po4a and Sphinx give a code block's content without fences.
  const byCode = new Map<string, string[]>()
  ids.forEach((id, i) => {
    const block = blocks[i]!
    if (block.kind !== 'code' || block.node.type !== 'code') return
    const key = normalizeCode(block.node.value)
    byCode.set(key, [...(byCode.get(key) ?? []), id])
  })
  const free = new Set<string>(ids)
  const matches: CatalogMatch[] = []
  const pending: { entry: CatalogEntry; prepared: Prepared }[] = []
  for (const entry of translated) {
    const key = normalizeForMatching(entry.msgid)
    const id =
      byText.get(key)?.find((candidate) => free.has(candidate)) ??
      byCode.get(normalizeCode(entry.msgid))?.find((candidate) => free.has(candidate))
    if (id) {
      free.delete(id)
      matches.push({ entry, id, how: 'exact', score: 1 })
    } else pending.push({ entry, prepared: { key, profile: profile(key) } })
  }
  // mdbook-i18n-helpers gives a code block in a known language as its string literals and comments, one message each.
  const pieces = matchCodePieces(blocks, ids, free, pending)
  matches.push(...pieces.matches)
  // Fuzzy: best pairs first, each block and message used once. Only blocks sharing a token are compared.
  const byToken = new Map<string, string[]>()
  for (const id of free)
    for (const token of preparedBlocks.get(id)!.profile.counts.keys()) byToken.set(token, [...(byToken.get(token) ?? []), id])
  const pairs: { entry: CatalogEntry; id: string; score: number }[] = []
  for (const { entry, prepared } of pending) {
    if (pieces.used.has(entry)) continue
    const seen = new Set<string>()
    for (const token of prepared.profile.counts.keys()) for (const id of byToken.get(token) ?? []) seen.add(id)
    for (const id of seen) {
      const score = matchScoreOf(prepared.profile, preparedBlocks.get(id)!.profile)
      if (score >= threshold) pairs.push({ entry, id, score })
    }
  }
  pairs.sort((a, b) => b.score - a.score)
  const used = new Set<CatalogEntry>()
  for (const pair of pairs) {
    if (used.has(pair.entry) || !free.has(pair.id)) continue
    used.add(pair.entry)
    free.delete(pair.id)
    matches.push({ ...pair, how: 'fuzzy' })
  }
  const blockOf = new Map(ids.map((id, i) => [id, blocks[i]!]))
  const units: ImportedUnit[] = matches.map(({ entry, id, how }) => ({
    id,
    // An exact match answers the current block; a fuzzy one answers the msgid, so it imports as stale; a message
    // flagged fuzzy answers the previous msgid it was made for (`#| msgid`), or an unknown source: stale too.
    source: entry.fuzzy ? (entry.previous ?? '') : how === 'exact' ? blockOf.get(id)!.text : entry.msgid,
    target: fencedLike(blockOf.get(id)!, entry.msgstr),
    state: 'translated',
    stale: false,
    ...(entry.place ? { place: entry.place } : {}),
  }))
  return {
    matches,
    unmatched: pending.map((p) => p.entry).filter((entry) => !used.has(entry) && !pieces.used.has(entry)),
    untranslated: catalog.filter((entry) => entry.msgstr.trim() === '').length,
    markupOnly: messages.filter((entry) => markupOnly(entry.msgid)).length,
    missing: [...free],
    units,
  }
}

/**
 * Code blocks that no message matched whole, translated from the messages
 * found inside their code (string literals and comments, as mdbook-i18n-helpers
 * extracts them for a language it knows): each such message is replaced where
 * it stands as a whole token. A message may serve several code blocks.
 */
function matchCodePieces(
  blocks: Block[],
  ids: string[],
  free: Set<string>,
  pending: { entry: CatalogEntry }[],
): { matches: CatalogMatch[]; used: Set<CatalogEntry> } {
  const matches: CatalogMatch[] = []
  const used = new Set<CatalogEntry>()
  const candidates = pending.map((p) => p.entry).filter((entry) => entry.msgid.trim().length >= 2 && !entry.msgid.includes('\n\n'))
  ids.forEach((id, i) => {
    const block = blocks[i]!
    if (!free.has(id) || block.kind !== 'code' || block.node.type !== 'code') return
    const code = block.node.value
    const found = candidates
      .filter((entry) => tokenAt(code, entry.msgid) >= 0)
      .sort((a, b) => b.msgid.length - a.msgid.length || a.msgid.localeCompare(b.msgid))
    if (found.length === 0) return
    let translated = code
    for (const entry of found) translated = replaceTokens(translated, entry.msgid, entry.msgstr)
    for (const entry of found) used.add(entry)
    free.delete(id)
    const fuzzy = found.some((entry) => entry.fuzzy)
    const place = found.find((entry) => entry.place)?.place
    // A fuzzy piece: the block's code before that piece changed is unknown, so the unit imports as stale.
    const entry: CatalogEntry = { msgid: code, msgstr: translated, fuzzy, ...(fuzzy ? { previous: '' } : {}), ...(place ? { place } : {}) }
    matches.push({ entry, id, how: 'exact', score: 1 })
  })
  return { matches, used }
}

const wordCharacter = /[\p{L}\p{N}_]/u

/** Where `token` first occurs in `text` not glued to a letter, digit or underscore on either side; -1 if nowhere. */
function tokenAt(text: string, token: string, from = 0): number {
  for (let at = text.indexOf(token, from); at >= 0; at = text.indexOf(token, at + 1)) {
    const before = text[at - 1]
    const after = text[at + token.length]
    const glued = (edge: string | undefined, inner: string | undefined): boolean =>
      edge !== undefined && inner !== undefined && wordCharacter.test(edge) && wordCharacter.test(inner)
    if (!glued(before, token[0]) && !glued(after, token.at(-1))) return at
  }
  return -1
}

function replaceTokens(text: string, token: string, replacement: string): string {
  let result = ''
  let rest = 0
  for (let at = tokenAt(text, token); at >= 0; at = tokenAt(text, token, rest)) {
    result += text.slice(rest, at) + replacement
    rest = at + token.length
  }
  return result + text.slice(rest)
}

/**
 * A translation as the block's text: trimmed (po4a keeps a paragraph's last
 * newline); a code block's translation given as bare code (po4a, Sphinx, code
 * pieces) gets the block's own fences back.
 */
function fencedLike(block: Block, translation: string): string {
  if (block.kind !== 'code') return translation.trim()
  if (fence.test(translation)) return translation
  const lines = block.text.split('\n')
  const [open, close] = [lines[0]!, lines.at(-1)!]
  const code = translation.replace(/\n$/, '')
  // An indented code block: the translation indented the same way.
  if (!/^[ \t]*(`{3,}|~{3,})/.test(open)) return code.replace(/^(?=.)/gm, '    ')
  return `${open}\n${code}\n${close}`
}
