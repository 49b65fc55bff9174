/**
 * Migration from a gettext catalog keyed by source text (mdBook's
 * i18n-helpers, Sphinx, po4a): match each msgid to a block, first exactly
 * after whitespace and markup normalisation, then by similarity above a
 * threshold, and turn the matches into units keyed by paragraph ID.
 */
import { matchScoreOf, profile, type Profile } from '../ids/similarity.ts'
import type { Block } from '../source/segment.ts'
import type { CatalogEntry } from './po.ts'
import { splitTableMessages } from './catalog-tables.ts'
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

export function matchCatalog(catalog: CatalogEntry[], blocks: Block[], ids: string[], threshold = FUZZY_THRESHOLD): CatalogMatching {
  // po4a gives a table as one message: one message per cell, as press has one block per cell.
  const messages = splitTableMessages(catalog)
  const translated = messages.filter((entry) => entry.msgstr.trim() !== '')
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
  // Fuzzy: best pairs first, each block and message used once. Only blocks sharing a token are compared.
  const byToken = new Map<string, string[]>()
  for (const id of free)
    for (const token of preparedBlocks.get(id)!.profile.counts.keys()) byToken.set(token, [...(byToken.get(token) ?? []), id])
  const pairs: { entry: CatalogEntry; id: string; score: number }[] = []
  for (const { entry, prepared } of pending) {
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
    target: entry.msgstr,
    state: 'translated',
    stale: false,
    ...(entry.place ? { place: entry.place } : {}),
  }))
  return {
    matches,
    unmatched: pending.map((p) => p.entry).filter((entry) => !used.has(entry)),
    untranslated: messages.length - translated.length,
    missing: [...free],
    units,
  }
}
