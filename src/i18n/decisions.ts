/**
 * Review decisions (press preview) recorded in a translation file: one atomic,
 * locked write per decision, refused when the entry changed since the reviewer
 * loaded it.
 *
 * A minimal local version of the decisions module, for the preview server's
 * tests; the decisions branch owns the full one (same names and contract).
 */
import { createHash } from 'node:crypto'
import { join } from 'node:path'
import type { Publication } from '../project/load.ts'
import { translationPath } from '../project/paths.ts'
import { writeFileAtomic } from '../util/files.ts'
import { withFileLock } from '../util/lock.ts'
import { problem, PressError } from '../util/problems.ts'
import { readTranslationFile, serializeTranslationFile, type Entry, type EntryComment } from './translation-file.ts'

export type ReviewAction =
  | { kind: 'edit'; text: string }
  | { kind: 'state'; state: 'reviewed' | 'final' | 'needs-work'; comment?: string }
  | { kind: 'comment'; text: string; replyTo?: string }
  | { kind: 'resolve'; commentId: string }

export interface ReviewDecision {
  publication: Publication
  language: string
  id: string
  /** entryFingerprint() of the entry as the reviewer loaded it. */
  expected: string
  action: ReviewAction
  reviewer: string
  /** ISO 8601. */
  date: string
}

export type DecisionResult =
  | { ok: true; entry: Entry; fingerprint: string }
  | { ok: false; conflict: { mine: ReviewAction; theirs: Entry | undefined; message: string } }

export function entryFingerprint(entry: Entry | undefined): string {
  return createHash('sha256')
    .update(JSON.stringify(entry ?? null))
    .digest('hex')
    .slice(0, 16)
}

export async function applyDecision(decision: ReviewDecision): Promise<DecisionResult> {
  const { publication, language } = decision
  const path = translationPath(language, publication.config.id)
  const absolute = join(publication.root, path)
  return withFileLock(absolute, async () => {
    const loaded = await readTranslationFile(absolute, path)
    if (!loaded) throw new PressError(problem(`There is no ${language} translation file.`, { file: path, hint: 'Run `press sync`.' }))
    const current = loaded.data.entries[decision.id]
    if (entryFingerprint(current) !== decision.expected) {
      const message = `The ${language} entry ${decision.id} changed in ${path} since the page loaded it.`
      return { ok: false, conflict: { mine: decision.action, theirs: current, message } }
    }
    if (!current) throw new PressError(problem(`${decision.id} is not an entry of ${path}.`, { file: path }))
    const entry = applied(current, decision)
    await writeFileAtomic(
      absolute,
      serializeTranslationFile({ ...loaded.data, entries: { ...loaded.data.entries, [decision.id]: entry } }),
      {
        root: publication.root,
      },
    )
    return { ok: true, entry, fingerprint: entryFingerprint(entry) }
  })
}

function applied(entry: Entry, { action, reviewer, date }: ReviewDecision): Entry {
  const comment = (text: string, n: number): EntryComment => ({ id: `c${n}`, author: reviewer, date, text, resolved: false, replies: [] })
  const comments = entry.comments ?? []
  switch (action.kind) {
    case 'edit':
      return { ...entry, text: action.text, state: 'translated', decidedBy: reviewer, decidedOn: date }
    case 'state': {
      const state = action.state === 'needs-work' ? 'translated' : action.state
      const added = action.comment ? [comment(action.comment, comments.length + 1)] : []
      return { ...entry, state, decidedBy: reviewer, decidedOn: date, ...(added.length ? { comments: [...comments, ...added] } : {}) }
    }
    case 'comment': {
      if (!action.replyTo) return { ...entry, comments: [...comments, comment(action.text, comments.length + 1)] }
      return {
        ...entry,
        comments: comments.map((c) =>
          c.id === action.replyTo
            ? { ...c, replies: [...c.replies, { id: `${c.id}.${c.replies.length + 1}`, author: reviewer, date, text: action.text }] }
            : c,
        ),
      }
    }
    case 'resolve':
      return { ...entry, comments: comments.map((c) => (c.id === action.commentId ? { ...c, resolved: true } : c)) }
  }
}
