/**
 * Carry paragraph IDs from the lock over to the current blocks.
 *
 * 1. Unchanged blocks (same fingerprint) keep their IDs. Those in the same
 *    order are paired by a longest common subsequence, so repeated texts pair
 *    with the occurrence in the same place; moved blocks are paired after.
 * 2. Edited blocks (typo, sentence added, split, merge) are paired by text
 *    similarity with a block of the same kind, best pair first; on a tie the
 *    pair whose texts open alike wins, so a split keeps the ID on its first
 *    part and a merge keeps the first ID.
 * 3. What is left between two paired neighbours on both sides, one for one and
 *    of the same kind, is the same block rewritten (a reworded heading).
 * 4. Anything else is new (minted by the caller) or gone (retired).
 */
import type { BlockKind } from '../source/segment.ts'
import { matchScore } from './similarity.ts'

export interface MatchInput {
  kind: BlockKind
  hash: string
  text: string
}

export interface OldBlock extends MatchInput {
  id: string
}

export type MatchHow = 'kept' | 'moved' | 'edited' | 'rewritten'

export interface MatchResult {
  /** For each current block, the index of the old block it continues, or -1. */
  assigned: number[]
  /** How each assigned block was paired. */
  how: (MatchHow | undefined)[]
}

/** Least score for an edited block to keep its ID. */
export const EDIT_THRESHOLD = 0.5

export function matchBlocks(old: readonly OldBlock[], current: readonly MatchInput[]): MatchResult {
  const assigned = current.map(() => -1)
  const how: (MatchHow | undefined)[] = current.map(() => undefined)
  const taken = old.map(() => false)
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
  // 1b. Unchanged blocks that moved.
  const byHash = new Map<string, number[]>()
  old.forEach((b, j) => {
    if (taken[j]) return
    const key = b.kind + b.hash
    byHash.set(key, [...(byHash.get(key) ?? []), j])
  })
  current.forEach((b, i) => {
    if (assigned[i] !== -1) return
    const j = byHash.get(b.kind + b.hash)?.shift()
    if (j !== undefined) pair(i, j, 'moved')
  })

  // 2. Edited blocks by similarity.
  const candidates: { i: number; j: number; score: number }[] = []
  current.forEach((b, i) => {
    if (assigned[i] !== -1) return
    old.forEach((o, j) => {
      if (taken[j] || o.kind !== b.kind) return
      const score = matchScore(o.text, b.text)
      if (score >= EDIT_THRESHOLD) candidates.push({ i, j, score })
    })
  })
  candidates.sort((a, b) => b.score - a.score || a.i - b.i || a.j - b.j)
  for (const { i, j } of candidates) if (assigned[i] === -1 && !taken[j]) pair(i, j, 'edited')

  // 3. One-for-one rewrites between paired neighbours.
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
    if (before >= after) continue
    const gapOld = range(before + 1, after).filter((j) => !taken[j])
    const gapNew = range(start, i)
    if (gapOld.length !== gapNew.length) continue
    if (gapNew.every((n, k) => current[n]!.kind === old[gapOld[k]!]!.kind)) {
      gapNew.forEach((n, k) => pair(n, gapOld[k]!, 'rewritten'))
    }
  }
  return { assigned, how }
}

function range(from: number, to: number): number[] {
  const out: number[] = []
  for (let k = from; k < to; k++) out.push(k)
  return out
}

/** Index pairs of a longest common subsequence of `a` and `b`. */
function lcs(a: string[], b: string[]): [number, number][] {
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
