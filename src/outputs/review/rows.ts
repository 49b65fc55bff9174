/**
 * Align two languages of a publication by paragraph ID: one row per source
 * block in source order, then the orphans. Each side says what it shows and
 * in which language; the row has a status and the QA findings of the pair.
 * Pure: the caller passes the sources and the translation files. The QA
 * checks (and the Markdown parser they use) are loaded only when a pair has a
 * translation to check.
 */
import type { IdentifiedSources } from '../../ids/resolve.ts'
import { entryProgress, entryStatus } from '../../i18n/status.ts'
import { entryFingerprint } from '../../i18n/entry-fingerprint.ts'
import type { Comment, Entry, TranslationFile } from '../../i18n/translation-file.ts'
import type { Finding, QaPair } from '../../qa/index.ts'
import type { QaMemo } from '../../qa/memo.ts'
import type { BlockKind } from '../../source/segment.ts'

export const rowStatuses = ['translated', 'stale', 'missing', 'fallback', 'orphan'] as const
export type RowStatus = (typeof rowStatuses)[number]

export type SideState = 'source' | 'translated' | 'stale' | 'missing' | 'orphan'

export interface Side {
  /** The language of this column. */
  language: string
  state: SideState
  /** Markdown shown ('' when missing). */
  text: string
  /** The language of `text`: the source language when a missing text falls back. */
  shownLanguage: string
  /** For stale sides: the source text the translation was made from, and the current one. */
  change?: { from: string; to: string }
}

export interface Row {
  id: string
  kind: BlockKind | 'orphan'
  noteLabel?: string
  /** The source's comment before the block (its note for the translator), as plain text. */
  translatorNote?: string
  status: RowStatus
  a: Side
  b: Side
  findings: Finding[]
  /** The reviewed language's entry (b, or a when b is the source): reviewed or final when current. */
  progress?: 'reviewed' | 'final'
  /** That entry's comments, oldest first. */
  comments: Comment[]
  /** entryFingerprint() of that entry: what a decision sends as `expected` (absent when the source is on both sides). */
  fingerprint?: string
}

export interface AlignInput {
  sources: IdentifiedSources
  sourceLanguage: string
  a: string
  b: string
  /** Translation file data by language (undefined when a language has none). */
  files: ReadonlyMap<string, TranslationFile>
  /** Findings kept from an earlier run (src/qa/memo.ts): a pair found there is not checked again. */
  memo?: QaMemo
}

export async function alignRows(input: AlignInput): Promise<Row[]> {
  const { sources, sourceLanguage, a, b, files } = input
  const rows: Row[] = sources.blocks.map((block, index) => {
    const id = sources.ids[index]!
    const side = (language: string, fallback: boolean): Side => {
      if (language === sourceLanguage) return { language, state: 'source', text: block.text, shownLanguage: language }
      const entry = files.get(language)?.entries[id]
      const status = entryStatus(entry, block.hash)
      if (status === 'missing') {
        return fallback
          ? { language, state: 'missing', text: block.text, shownLanguage: sourceLanguage }
          : { language, state: 'missing', text: '', shownLanguage: language }
      }
      if (status === 'stale')
        return { language, state: 'stale', text: entry!.text, shownLanguage: language, change: { from: entry!.source, to: block.text } }
      return { language, state: 'translated', text: entry!.text, shownLanguage: language }
    }
    const left = side(a, true)
    const right = side(b, false)
    const status: RowStatus =
      right.state === 'missing'
        ? 'missing'
        : right.state === 'stale' || left.state === 'stale'
          ? 'stale'
          : left.state === 'missing'
            ? 'fallback'
            : 'translated'
    const reviewed = b === sourceLanguage ? a : b
    const entry = reviewed === sourceLanguage ? undefined : files.get(reviewed)?.entries[id]
    const progress = entryProgress(entry, block.hash)
    return {
      id,
      kind: block.kind,
      ...(block.noteLabel ? { noteLabel: block.noteLabel } : {}),
      ...(block.translatorNote ? { translatorNote: block.translatorNote } : {}),
      status,
      a: left,
      b: right,
      findings: [],
      ...(progress === 'reviewed' || progress === 'final' ? { progress } : {}),
      comments: entry?.comments ?? [],
      ...(reviewed === sourceLanguage ? {} : { fingerprint: entryFingerprint(entry) }),
    }
  })
  const pairs = rows.flatMap((row) =>
    row.b.text ? [{ row, pair: { source: row.a.text, target: row.b.text, sourceLanguage: row.a.shownLanguage, targetLanguage: b } }] : [],
  )
  const unchecked: { row: Row; pair: QaPair }[] = []
  for (const { row, pair } of pairs) {
    const kept = input.memo?.get(pair)
    if (kept) row.findings = [...kept]
    else unchecked.push({ row, pair })
  }
  if (unchecked.length > 0) {
    const { checkPair } = await import('../../qa/index.ts')
    for (const { row, pair } of unchecked) {
      row.findings = checkPair(pair)
      input.memo?.set(pair, row.findings)
    }
  }
  return [...rows, ...orphanRows(input)]
}

/** Entries whose ID left the source: kept by every tool, shown last. */
function orphanRows({ sourceLanguage, a, b, files }: AlignInput): Row[] {
  const orphansOf = (language: string): Record<string, Entry> => (language === sourceLanguage ? {} : (files.get(language)?.orphans ?? {}))
  const left = orphansOf(a)
  const right = orphansOf(b)
  const ids = [...new Set([...Object.keys(right), ...Object.keys(left)])]
  return ids.map((id) => {
    const l = left[id]
    const r = right[id]
    const origin = (l ?? r)!.source
    const aSide: Side = l
      ? { language: a, state: 'orphan', text: l.text, shownLanguage: a }
      : { language: a, state: a === sourceLanguage ? 'source' : 'missing', text: origin, shownLanguage: sourceLanguage }
    const bSide: Side = r
      ? { language: b, state: 'orphan', text: r.text, shownLanguage: b }
      : { language: b, state: b === sourceLanguage ? 'source' : 'missing', text: b === sourceLanguage ? origin : '', shownLanguage: b }
    return { id, kind: 'orphan', status: 'orphan', a: aSide, b: bSide, findings: [], comments: (r ?? l)!.comments ?? [] }
  })
}

export function countStatuses(rows: readonly Row[]): Record<RowStatus, number> {
  const counts = Object.fromEntries(rowStatuses.map((s) => [s, 0])) as Record<RowStatus, number>
  for (const row of rows) counts[row.status]++
  return counts
}

/** The review summary: row statuses, plus reviewed and final entries and open comments. */
export type SummaryCount = RowStatus | 'reviewed' | 'final' | 'open-comments'
export const summaryCounts: readonly SummaryCount[] = [...rowStatuses, 'reviewed', 'final', 'open-comments']

export function countSummary(rows: readonly Row[]): Record<SummaryCount, number> {
  const counts: Record<SummaryCount, number> = { ...countStatuses(rows), reviewed: 0, final: 0, 'open-comments': 0 }
  for (const row of rows) {
    if (row.progress) counts[row.progress]++
    counts['open-comments'] += row.comments.filter((c) => !c.resolved).length
  }
  return counts
}

/** A row needs attention unless it is translated, current, clean, and has no open comment. */
export function needsAttention(row: Row): boolean {
  return row.status !== 'translated' || row.findings.length > 0 || row.comments.some((c) => !c.resolved)
}
