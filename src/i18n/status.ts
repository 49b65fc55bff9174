/**
 * The one status rule: where a translation entry stands against the current
 * source. Every reader of a status uses it — the editions (block flags),
 * `press status`, `press check`, the review pages and the exports — so one
 * entry has one status everywhere.
 *
 * An entry's status is decided in this order:
 * 1. `missing`: there is no entry, or its text is empty (whatever its state says);
 * 2. `stale`: the entry says `"stale": true` (set by `press sync`, or by hand), even when
 *    its fingerprint matches the current source;
 * 3. `translated`: the entry says `"stale": false` — a translator confirmed the text
 *    against the current source; `press sync` then records the current fingerprint;
 * 4. `stale`: the fingerprint (`sourceHash`) differs from the current source's;
 * 5. `translated` otherwise.
 * An entry whose ID left the source (kept under `orphans`) is an `orphan`.
 *
 * The workflow state (`state`: initial, translated, reviewed, final) is separate and
 * combines with the status like this: a current (`translated`) entry whose state is
 * `reviewed` or `final` is reviewed or final (`progress`); a stale entry stays `stale`
 * whatever its state (the review was of an older source) and exports as
 * `initial` + `press:stale`; a missing entry is `initial`.
 * `fallback` is what a reader is shown for a missing entry: the source text instead.
 */
import type { Entry, EntryState, TranslationFile } from './translation-file.ts'

export type EntryStatus = 'translated' | 'stale' | 'missing'

/** The status refined by the workflow state: what a current translation has been through. */
export type EntryProgress = 'missing' | 'stale' | 'translated' | 'reviewed' | 'final'

export interface StatusBlock {
  id: string
  hash: string
  file: string
  line: number
}

export interface LanguageStatus {
  language: string
  total: number
  translated: number
  stale: number
  missing: number
  /** Of the translated entries: how many are reviewed, and how many final. */
  reviewed: number
  final: number
  /** Unresolved comments on the entries of the current blocks; `needsWork` of them sent an entry back. */
  openComments: number
  needsWork: number
  orphans: number
  /** IDs that need work, with the source block's place. */
  work: { id: string; status: 'stale' | 'missing'; where: string }[]
  complete: boolean
}

/** The status of `entry` against the source block whose fingerprint is `currentHash`. */
export function entryStatus(entry: Entry | undefined, currentHash: string): EntryStatus {
  if (!entry || entry.text.trim() === '') return 'missing'
  if (entry.stale === true) return 'stale'
  if (entry.stale === false) return 'translated'
  return entry.sourceHash === currentHash ? 'translated' : 'stale'
}

/** The status plus the workflow state (see the rule at the top of this file). */
export function entryProgress(entry: Entry | undefined, currentHash: string): EntryProgress {
  const status = entryStatus(entry, currentHash)
  if (status !== 'translated') return status
  return entry!.state === 'reviewed' || entry!.state === 'final' ? entry!.state : 'translated'
}

/** The workflow state an exchange file gives the entry: `initial` unless it has a current or stale text. */
export function exchangeState(entry: Entry | undefined, currentHash: string): { state: EntryState; stale: boolean } {
  const status = entryStatus(entry, currentHash)
  if (status === 'missing') return { state: 'initial', stale: false }
  return { state: entry!.state, stale: status === 'stale' }
}

export function languageStatus(language: string, file: TranslationFile | undefined, blocks: readonly StatusBlock[]): LanguageStatus {
  const status: LanguageStatus = {
    language,
    total: blocks.length,
    translated: 0,
    stale: 0,
    missing: 0,
    reviewed: 0,
    final: 0,
    openComments: 0,
    needsWork: 0,
    orphans: Object.keys(file?.orphans ?? {}).length,
    work: [],
    complete: false,
  }
  for (const block of blocks) {
    const entry = file?.entries[block.id]
    const progress = entryProgress(entry, block.hash)
    const open = (entry?.comments ?? []).filter((c) => !c.resolved)
    status.openComments += open.length
    status.needsWork += open.some((c) => c.needsWork) ? 1 : 0
    const s = progress === 'reviewed' || progress === 'final' ? 'translated' : progress
    status[s]++
    if (progress === 'reviewed' || progress === 'final') status[progress]++
    if (s !== 'translated') status.work.push({ id: block.id, status: s, where: `${block.file}:${block.line}` })
  }
  status.complete = status.stale === 0 && status.missing === 0
  return status
}

export function percent(part: number, total: number): string {
  return total === 0 ? '100%' : `${Math.floor((1000 * part) / total) / 10}%`
}
