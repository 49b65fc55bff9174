/**
 * Migration from a gettext catalog keyed by source text (mdBook's
 * i18n-helpers, Sphinx, po4a): match each msgid to a block, first exactly
 * after whitespace and markup normalisation, then by similarity above a
 * threshold, and turn the matches into units keyed by paragraph ID.
 */
import { matchScore } from '../ids/similarity.ts'
import type { Block } from '../source/segment.ts'
import type { CatalogEntry } from './po.ts'
import { plainText, type ImportedUnit } from './units.ts'

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

export function normalizeForMatching(markdown: string): string {
  return plainText(markdown.replace(/^#{1,6}\s+/, '')).toLowerCase()
}

export function matchCatalog(catalog: CatalogEntry[], blocks: Block[], ids: string[], threshold = FUZZY_THRESHOLD): CatalogMatching {
  const translated = catalog.filter((entry) => entry.msgstr.trim() !== '')
  const free = new Map<string, Block>(ids.map((id, i) => [id, blocks[i]!]))
  const byText = new Map<string, string[]>()
  ids.forEach((id, i) => {
    const key = normalizeForMatching(blocks[i]!.text)
    byText.set(key, [...(byText.get(key) ?? []), id])
  })
  const matches: CatalogMatch[] = []
  const pending: CatalogEntry[] = []
  for (const entry of translated) {
    const id = byText.get(normalizeForMatching(entry.msgid))?.find((candidate) => free.has(candidate))
    if (id) {
      free.delete(id)
      matches.push({ entry, id, how: 'exact', score: 1 })
    } else pending.push(entry)
  }
  // Fuzzy: best pairs first, each block and message used once.
  const pairs: { entry: CatalogEntry; id: string; score: number }[] = []
  for (const entry of pending) {
    const text = normalizeForMatching(entry.msgid)
    for (const [id, block] of free) {
      const score = matchScore(text, normalizeForMatching(block.text))
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
    // An exact match answers the current block; a fuzzy one answers the msgid, so it imports as stale.
    source: how === 'exact' ? blockOf.get(id)!.text : entry.msgid,
    target: entry.msgstr,
    state: entry.fuzzy ? 'initial' : 'translated',
    stale: false,
    ...(entry.place ? { place: entry.place } : {}),
  }))
  return {
    matches,
    unmatched: pending.filter((entry) => !used.has(entry)),
    untranslated: catalog.length - translated.length,
    missing: [...free.keys()],
    units,
  }
}
