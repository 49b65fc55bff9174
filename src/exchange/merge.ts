/**
 * Merging imported units into a translation file's entries.
 *
 * A unit counts as changed only when it differs (target, state, staleness)
 * from what an export of the current file in the same format reads back as:
 * so exporting and importing again changes nothing, in every format.
 * Each unit is applied or refused on its own. A changed unit is refused
 * (unless forced) when the entry is reviewed or final, or when the entry
 * changed since the export (its fingerprint differs from the unit's `base`);
 * a stale mark that `press sync` added since the export is not such a change.
 * A unit whose source no longer matches the current block imports as stale:
 * its translation is kept against the source it was made from. An empty
 * target never erases a translation without --force. Duplicate or unknown IDs
 * refuse the whole file (it is not an export of this publication).
 */
import type { VFileMessage } from 'vfile-message'
import { entryStates, type Entry, type EntryState } from '../i18n/translation-file.ts'
import type { Block } from '../source/segment.ts'
import { fingerprint } from '../source/fingerprint.ts'
import { blockUrlProblems } from '../source/block-urls.ts'
import { controlHint, describeCharacter, findBadCharacter } from '../util/read-text.ts'
import { problem, PressError } from '../util/problems.ts'
import { entryBase, type ImportedUnit } from './units.ts'
import { mergeComments, sameComments } from './comments.ts'
import { decisionDate } from '../util/dates.ts'

export interface MergeInput {
  /** The file being imported, for messages. */
  file: string
  units: ImportedUnit[]
  /** The same format's reading of an export of the current entries, by ID. */
  baseline: Map<string, ImportedUnit>
  blocks: Map<string, Block>
  /** Paragraph IDs in source order. */
  order: string[]
  entries: Record<string, Entry>
  force: boolean
  /** Migration from a catalog: also refuse to replace a different existing translation. */
  migration?: boolean
}

export interface Change {
  id: string
  before?: Entry
  after: Entry
  description: string
}

export interface MergeResult {
  /** The entries with every applied change. */
  entries: Record<string, Entry>
  /** The units applied. */
  changes: Change[]
  /** The units refused, each with its position in the imported file; their entries are left alone. */
  refused: VFileMessage[]
  warnings: VFileMessage[]
}

const rank = (state: EntryState): number => entryStates.indexOf(state)

export function mergeUnits(input: MergeInput): MergeResult {
  const { file, units, baseline, blocks, entries, force } = input
  const errors: VFileMessage[] = []
  const warnings: VFileMessage[] = []
  const seen = new Map<string, ImportedUnit>()
  for (const unit of units) {
    const where = { file, place: unit.place }
    const first = seen.get(unit.id)
    if (first) {
      errors.push(
        problem(`Paragraph ID "${unit.id}" appears twice in this file${first.place ? ` (first at line ${first.place.line})` : ''}.`, {
          ...where,
          hint: 'Each ID may appear once: keep one of the two units.',
          ruleId: 'duplicate-id',
        }),
      )
    } else if (!blocks.has(unit.id)) {
      errors.push(
        problem(`"${unit.id}" is not a paragraph ID of the source.`, {
          ...where,
          hint: 'Units must keep the IDs of the export; check the ID against ids.lock.json, or export again.',
          ruleId: 'unknown-id',
        }),
      )
    }
    errors.push(...blockUrlProblems(unit.target, file, unit.place))
    const bad = findBadCharacter(unit.target)
    if (bad !== undefined) {
      errors.push(
        problem(`The target of "${unit.id}" contains ${describeCharacter(unit.target, bad)}.`, {
          ...where,
          hint: controlHint,
          ruleId: 'control-character',
        }),
      )
    }
    seen.set(unit.id, first ?? unit)
  }
  if (errors.length > 0) throw new PressError(errors)

  const changes: Change[] = []
  const updated: Record<string, Entry> = { ...entries }
  for (const unit of units) {
    const block = blocks.get(unit.id)!
    const before = entries[unit.id]
    const known = baseline.get(unit.id)
    const commentsChanged = unit.comments !== undefined && !sameComments(unit.comments, known?.comments)
    const textSame = known
      ? known.target === unit.target && known.state === unit.state && known.stale === unit.stale
      : unit.target.trim() === ''
    const emptied = !force && unit.target.trim() === '' && before !== undefined && before.text.trim() !== ''
    if (commentsChanged && (textSame || emptied)) {
      // Only the comments changed (or the target was dropped): merge them, whatever the entry's state.
      const base = before ?? { state: 'initial' as const, sourceHash: block.hash, source: block.text, text: '' }
      const after = { ...base, comments: mergeComments(before?.comments ?? [], unit.comments!, decisionDate()) }
      if (JSON.stringify(after.comments) !== JSON.stringify(before?.comments ?? [])) {
        updated[unit.id] = after
        changes.push({ id: unit.id, ...(before ? { before } : {}), after, description: 'comments changed' })
      }
    }
    if (textSame) continue
    const where = { file, place: unit.place }
    if (emptied) {
      // Tools drop targets they did not confirm: an empty target never erases a translation on its own.
      warnings.push(
        problem(`The target of "${unit.id}" is empty in this file: the existing translation is kept.`, {
          ...where,
          fatal: false,
          hint: 'To clear a translation on purpose, import with --force.',
          ruleId: 'empty-target',
        }),
      )
      continue
    }
    const textChanged = (before?.text ?? '') !== unit.target
    if (
      !force &&
      before &&
      (before.state === 'reviewed' || before.state === 'final') &&
      (textChanged || rank(unit.state) < rank(before.state) || unit.stale)
    ) {
      errors.push(
        problem(`The ${before.state} translation of "${unit.id}" would be overwritten.`, {
          ...where,
          hint: 'Reviewed and final translations are only replaced with --force.',
          ruleId: 'reviewed-entry',
        }),
      )
      continue
    }
    if (!force && unit.base !== undefined && unit.base !== entryBase(before) && unit.base !== entryBase(withoutStaleMark(before))) {
      errors.push(
        problem(`The translation of "${unit.id}" changed in the translation file since this export.`, {
          ...where,
          hint: "Export again and redo the edit, or pass --force to replace it with the file's version.",
          ruleId: 'changed-since-export',
        }),
      )
      continue
    }
    if (!force && input.migration && before && before.text.trim() !== '' && textChanged) {
      errors.push(
        problem(`"${unit.id}" already has a different translation.`, {
          ...where,
          hint: 'Migration fills missing translations only; pass --force to replace existing ones.',
          ruleId: 'existing-translation',
        }),
      )
      continue
    }
    const after = withReview(newEntry(unit, block, before), before, unit)
    if (fingerprint(unit.source) !== block.hash && unit.target.trim() !== '') {
      warnings.push(
        problem(`The source of "${unit.id}" in this file differs from the current source: imported as stale.`, {
          ...where,
          fatal: false,
          hint: 'Review it against the current source (the review page shows what changed).',
          ruleId: 'stale-source',
        }),
      )
    }
    if (JSON.stringify(after) === JSON.stringify(before)) continue
    updated[unit.id] = after
    changes.push({ id: unit.id, ...(before ? { before } : {}), after, description: describe(before, after, block) })
  }
  return { entries: inSourceOrder(updated, input.order), changes, refused: errors, warnings }
}

/** The entry as it was before `press sync` marked it stale (the mark is all sync adds). */
function withoutStaleMark(entry: Entry | undefined): Entry | undefined {
  if (!entry || entry.stale !== true) return entry
  const { stale: _stale, ...rest } = entry
  return rest
}

/** Comments and the last review decision stay with the entry whatever the import changes. */
function withReview(entry: Entry, before: Entry | undefined, unit: ImportedUnit): Entry {
  const comments = unit.comments ? mergeComments(before?.comments ?? [], unit.comments, decisionDate()) : before?.comments
  return {
    ...entry,
    ...(before?.decision ? { decision: before.decision } : {}),
    ...(comments && comments.length > 0 ? { comments } : {}),
  }
}

function newEntry(unit: ImportedUnit, block: Block, before: Entry | undefined): Entry {
  const keepStale = before?.stale !== undefined ? { stale: before.stale } : {}
  if (unit.target.trim() === '') return { state: 'initial', sourceHash: block.hash, source: block.text, text: '', ...keepStale }
  if (fingerprint(unit.source) !== block.hash) {
    // Translated from another version of the source: keep it against that version.
    return { state: unit.state, sourceHash: fingerprint(unit.source), source: unit.source, text: unit.target, ...keepStale }
  }
  if (unit.stale && before && before.sourceHash !== block.hash) {
    // Still flagged as needing review: the text changed, the source it answers did not.
    return { state: unit.state, sourceHash: before.sourceHash, source: before.source, text: unit.target, ...keepStale }
  }
  const confirmed = before?.stale !== undefined ? { stale: false } : {}
  return { state: unit.stale ? 'initial' : unit.state, sourceHash: block.hash, source: block.text, text: unit.target, ...confirmed }
}

function describe(before: Entry | undefined, after: Entry, block: Block): string {
  const parts: string[] = []
  if (!before || before.text.trim() === '') parts.push(`added (${after.state})`)
  else {
    if (before.text !== after.text) parts.push('text changed')
    if (before.state !== after.state) parts.push(`${before.state} → ${after.state}`)
  }
  const staleBefore = before !== undefined && before.text.trim() !== '' && before.sourceHash !== block.hash
  const staleAfter = after.sourceHash !== block.hash
  if (staleAfter && !staleBefore) parts.push('stale: made from another version of the source')
  if (staleBefore && !staleAfter) parts.push('now matches the current source')
  return parts.length > 0 ? parts.join('; ') : 'updated'
}

/** Entries in source order, then any others in their previous order. */
function inSourceOrder(entries: Record<string, Entry>, order: string[]): Record<string, Entry> {
  const out: Record<string, Entry> = {}
  for (const id of order) if (entries[id]) out[id] = entries[id]
  for (const [id, entry] of Object.entries(entries)) if (!(id in out)) out[id] = entry
  return out
}
