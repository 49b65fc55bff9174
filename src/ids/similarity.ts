/**
 * Text similarity for re-matching edited blocks. Tokens are lowercased words;
 * for scripts written without spaces (CJK) they are character bigrams.
 */

const wordPattern = /[\p{L}\p{N}]+/gu
const cjk = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u

export function tokens(text: string): string[] {
  const out: string[] = []
  for (const match of text.toLowerCase().matchAll(wordPattern)) {
    const word = match[0]
    if (cjk.test(word) && word.length > 1) {
      for (let i = 0; i < word.length - 1; i++) out.push(word.slice(i, i + 2))
    } else out.push(word)
  }
  return out
}

function counts(list: string[]): Map<string, number> {
  const map = new Map<string, number>()
  for (const token of list) map.set(token, (map.get(token) ?? 0) + 1)
  return map
}

function overlap(a: Map<string, number>, b: Map<string, number>): number {
  let shared = 0
  for (const [token, n] of a) shared += Math.min(n, b.get(token) ?? 0)
  return shared
}

export interface Similarity {
  /** Dice coefficient over token multisets, 0..1. */
  dice: number
  /** Share of the smaller text's tokens found in the other, 0..1. */
  containment: number
  /** Whether both texts open with the same words (splits and merges keep the first ID). */
  sameStart: boolean
}

/** A text's tokens, counted once: compare many pairs without tokenising again. */
export interface Profile {
  tokens: string[]
  counts: Map<string, number>
  /** The first four tokens, joined. */
  head: string
}

export function profile(text: string): Profile {
  const list = tokens(text)
  return { tokens: list, counts: counts(list), head: list.slice(0, 4).join(' ') }
}

/** How many tokens two profiles share (multiset intersection). */
export function sharedTokens(a: Profile, b: Profile): number {
  return a.counts.size <= b.counts.size ? overlap(a.counts, b.counts) : overlap(b.counts, a.counts)
}

/** Profile of several texts read as one (the parts of a split, the blocks of a merge). */
export function joinProfiles(parts: readonly Profile[]): Profile {
  const all = parts.flatMap((p) => p.tokens)
  return { tokens: all, counts: counts(all), head: all.slice(0, 4).join(' ') }
}

export function similarityOf(a: Profile, b: Profile): Similarity {
  const ta = a.tokens
  const tb = b.tokens
  if (ta.length === 0 || tb.length === 0) return { dice: 0, containment: 0, sameStart: false }
  const shared = sharedTokens(a, b)
  const head = Math.min(4, ta.length, tb.length)
  return {
    dice: (2 * shared) / (ta.length + tb.length),
    containment: shared / Math.min(ta.length, tb.length),
    sameStart: head === 4 ? a.head === b.head : ta.slice(0, head).join(' ') === tb.slice(0, head).join(' '),
  }
}

export function similarity(a: string, b: string): Similarity {
  return similarityOf(profile(a), profile(b))
}

/** One score for ranking candidate pairs: overlap first, a shared opening breaks ties. */
export function matchScoreOf(a: Profile, b: Profile): number {
  const s = similarityOf(a, b)
  return (s.dice + s.containment) / 2 + (s.sameStart ? 0.1 : 0)
}

export function matchScore(a: string, b: string): number {
  return matchScoreOf(profile(a), profile(b))
}
