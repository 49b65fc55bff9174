/**
 * Carry paragraph IDs from the lock over to the current blocks.
 *
 * 1. Unchanged blocks (same fingerprint) keep their IDs. Those in the same
 *    order are paired by a longest common subsequence, so repeated texts pair
 *    with the occurrence in the same place; moved blocks are paired after.
 *    A block with the fingerprint of a retired ID gets that ID back (revived).
 * 2. Splits and merges go by position: when consecutive new blocks are all
 *    parts of one old block, the first part in reading order keeps its ID,
 *    whatever its length; when consecutive old blocks are all parts of one new
 *    block, the first old ID survives.
 * 3. Edited blocks (typo, sentence added) are paired by text similarity with a
 *    block of the same kind, best pair first; then, by the same rule, with
 *    retired IDs (a restored block that was edited meanwhile).
 * 4. What is left between two paired neighbours on both sides, one for one and
 *    of the same kind, is the same block rewritten (a reworded heading).
 * 5. Anything else is new (minted by the caller) or gone (retired).
 */
import type { BlockKind } from '../source/segment.ts'
import { joinProfiles, matchScoreOf, profile, sharedTokens, type Profile } from './similarity.ts'

export interface MatchInput {
  kind: BlockKind
  hash: string
  text: string
}

export interface OldBlock extends MatchInput {
  id: string
}

export type MatchHow = 'kept' | 'moved' | 'edited' | 'split' | 'merged' | 'rewritten' | 'revived'

export interface MatchResult {
  /**
   * For each current block, the index of the old block it continues, or -1.
   * Indexes from `old.length` on are retired entries (`retired[index - old.length]`).
   */
  assigned: number[]
  /** How each assigned block was paired. */
  how: (MatchHow | undefined)[]
}

/** Least score for an edited block to keep its ID. */
export const EDIT_THRESHOLD = 0.5
/** Least share of a part's tokens found in the whole, for a split or merge. */
export const PART_THRESHOLD = 0.6

export function matchBlocks(old: readonly OldBlock[], current: readonly MatchInput[], retired: readonly OldBlock[] = []): MatchResult {
  const assigned = current.map(() => -1)
  const how: (MatchHow | undefined)[] = current.map(() => undefined)
  const taken = [...old, ...retired].map(() => false)
  const pair = (i: number, j: number, kind: MatchHow): void => {
    assigned[i] = j
    how[i] = kind
    taken[j] = true
  }

  // 1a. Unchanged blocks in order.
  for (const [i, j] of lcs(
    current.map((b) => b.kind + b.hash),
    old.map((b) => b.kind + b.hash),
  ))
    pair(i, j, 'kept')
  // 1b. Unchanged blocks that moved; 1c. unchanged blocks that come back.
  const pairByHash = (from: readonly OldBlock[], offset: number, kind: MatchHow): void => {
    const byHash = new Map<string, number[]>()
    from.forEach((b, k) => {
      if (taken[k + offset]) return
      const key = b.kind + b.hash
      byHash.set(key, [...(byHash.get(key) ?? []), k + offset])
    })
    current.forEach((b, i) => {
      if (assigned[i] !== -1) return
      const j = byHash.get(b.kind + b.hash)?.shift()
      if (j !== undefined) pair(i, j, kind)
    })
  }
  pairByHash(old, 0, 'moved')
  pairByHash(retired, old.length, 'revived')

  // Each text tokenised once.
  const oldProfiles = old.map((b) => profile(b.text))
  const newProfiles = current.map((b) => profile(b.text))

  // 2. Splits and merges, by position.
  for (const group of partGroups(current, newProfiles, old, oldProfiles, assigned, taken)) {
    if (group.kind === 'split') {
      if (taken[group.whole] || group.parts.some((i) => assigned[i] !== -1)) continue
      pair(group.parts[0]!, group.whole, 'split')
    } else {
      if (assigned[group.whole] !== -1 || group.parts.some((j) => taken[j])) continue
      pair(group.whole, group.parts[0]!, 'merged')
      for (const j of group.parts.slice(1)) taken[j] = true // retired: merged into the first
    }
  }

  // 3. Edited blocks by similarity, then retired IDs by the same rule.
  const bySimilarity = (from: readonly OldBlock[], profiles: readonly Profile[], offset: number, kind: MatchHow): void => {
    const candidates: { i: number; j: number; score: number }[] = []
    current.forEach((b, i) => {
      if (assigned[i] !== -1) return
      from.forEach((o, k) => {
        if (taken[k + offset] || o.kind !== b.kind) return
        const score = matchScoreOf(profiles[k]!, newProfiles[i]!)
        if (score >= EDIT_THRESHOLD) candidates.push({ i, j: k + offset, score })
      })
    })
    candidates.sort((a, b) => b.score - a.score || a.i - b.i || a.j - b.j)
    for (const { i, j } of candidates) if (assigned[i] === -1 && !taken[j]) pair(i, j, kind)
  }
  bySimilarity(old, oldProfiles, 0, 'edited')
  bySimilarity(
    retired,
    retired.map((b) => profile(b.text)),
    old.length,
    'revived',
  )

  // 4. One-for-one rewrites between paired neighbours (live IDs only).
  let i = 0
  while (i < current.length) {
    if (assigned[i] !== -1) {
      i++
      continue
    }
    const start = i
    while (i < current.length && assigned[i] === -1) i++
    const before = start > 0 ? assigned[start - 1]! : -1
    const after = i < current.length ? assigned[i]! : old.length
    if (before >= after || after > old.length) continue
    const gapOld = range(before + 1, after).filter((j) => !taken[j])
    const gapNew = range(start, i)
    if (gapOld.length !== gapNew.length) continue
    if (gapNew.every((n, k) => current[n]!.kind === old[gapOld[k]!]!.kind)) {
      gapNew.forEach((n, k) => pair(n, gapOld[k]!, 'rewritten'))
    }
  }
  return { assigned, how }
}

interface PartGroup {
  kind: 'split' | 'merge'
  /** split: the old block; merge: the new block. */
  whole: number
  /** split: consecutive new blocks; merge: consecutive old blocks (reading order). */
  parts: number[]
  score: number
}

/**
 * Candidate splits (one old block → consecutive new blocks, each mostly made of
 * the old block's words, together covering it) and merges (the converse),
 * best covered first.
 */
function partGroups(
  current: readonly MatchInput[],
  newProfiles: readonly Profile[],
  old: readonly OldBlock[],
  oldProfiles: readonly Profile[],
  assigned: readonly number[],
  taken: readonly boolean[],
): PartGroup[] {
  const groups: PartGroup[] = []
  const isPart = (part: Profile, whole: Profile): boolean =>
    part.tokens.length > 0 && part.tokens.length < whole.tokens.length && sharedTokens(part, whole) / part.tokens.length >= PART_THRESHOLD
  const runs = (
    wholes: readonly number[],
    partsOf: readonly number[],
    kindOf: (k: number) => BlockKind,
    wholeKind: (k: number) => BlockKind,
    partProfile: (k: number) => Profile,
    wholeProfile: (k: number) => Profile,
    kind: PartGroup['kind'],
  ): void => {
    for (const w of wholes) {
      let run: number[] = []
      const flush = (): void => {
        if (run.length >= 2) {
          const score = matchScoreOf(joinProfiles(run.map(partProfile)), wholeProfile(w))
          if (score >= EDIT_THRESHOLD) groups.push({ kind, whole: w, parts: run, score })
        }
        run = []
      }
      for (const p of partsOf) {
        const adjacent = run.length === 0 || run[run.length - 1] === p - 1
        if (!adjacent) flush()
        if (kindOf(p) === wholeKind(w) && isPart(partProfile(p), wholeProfile(w))) run.push(p)
        else flush()
      }
      flush()
    }
  }
  const freeNew = range(0, current.length).filter((i) => assigned[i] === -1)
  const freeOld = range(0, old.length).filter((j) => !taken[j])
  const newKind = (i: number): BlockKind => current[i]!.kind
  const oldKind = (j: number): BlockKind => old[j]!.kind
  const newProfile = (i: number): Profile => newProfiles[i]!
  const oldProfile = (j: number): Profile => oldProfiles[j]!
  runs(freeOld, freeNew, newKind, oldKind, newProfile, oldProfile, 'split')
  runs(freeNew, freeOld, oldKind, newKind, oldProfile, newProfile, 'merge')
  return groups.sort((a, b) => b.score - a.score || a.whole - b.whole)
}

function range(from: number, to: number): number[] {
  const out: number[] = []
  for (let k = from; k < to; k++) out.push(k)
  return out
}

/** Index pairs of a longest common subsequence of `a` and `b`. */
export function lcs(a: string[], b: string[]): [number, number][] {
  // The common head, and the common tail of keys found once in each list, are in every longest common
  // subsequence, and the table's walk below takes them as they are: only the middle needs the table.
  let head = 0
  while (head < a.length && head < b.length && a[head] === b[head]) head++
  const counts = (list: string[]): Map<string, number> => {
    const found = new Map<string, number>()
    for (let k = head; k < list.length; k++) found.set(list[k]!, (found.get(list[k]!) ?? 0) + 1)
    return found
  }
  const inA = counts(a)
  const inB = counts(b)
  let tail = 0
  for (;;) {
    const i = a.length - 1 - tail
    const j = b.length - 1 - tail
    if (i < head || j < head || a[i] !== b[j] || inA.get(a[i]!) !== 1 || inB.get(b[j]!) !== 1) break
    tail++
  }
  const pairs: [number, number][] = []
  for (let k = 0; k < head; k++) pairs.push([k, k])
  for (const [i, j] of lcsTable(a.slice(head, a.length - tail), b.slice(head, b.length - tail))) pairs.push([i + head, j + head])
  for (let k = tail; k > 0; k--) pairs.push([a.length - k, b.length - k])
  return pairs
}

function lcsTable(a: string[], b: string[]): [number, number][] {
  const n = a.length
  const m = b.length
  const table = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1))
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      table[i]![j] = a[i] === b[j] ? table[i + 1]![j + 1]! + 1 : Math.max(table[i + 1]![j]!, table[i]![j + 1]!)
    }
  }
  const pairs: [number, number][] = []
  let i = 0
  let j = 0
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      pairs.push([i, j])
      i++
      j++
    } else if (table[i + 1]![j]! >= table[i]![j + 1]!) i++
    else j++
  }
  return pairs
}
