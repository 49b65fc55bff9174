/**
 * What one review action does to one translation entry: a pure function, no disk.
 *
 * - edit: the new text, state `translated`, answered against the current source
 *   (fingerprint and source updated; a `stale` mark becomes `false`, confirmed).
 * - state reviewed / final: the text confirmed against the current source.
 * - state needs-work (sent back): state `translated` and an open comment with
 *   `needsWork: true` holding the required reason; the entry needs work while
 *   that comment is open.
 * - comment: a new comment `c<n>` (n one more than the highest of the entry), or a reply.
 * - resolve: the comment's `resolved` becomes true.
 * Edits and state changes record `decision: { action, by, date }`.
 */
import type { Block } from '../source/segment.ts'
import { findBadCharacter, describeCharacter, controlHint } from '../util/read-text.ts'
import { problem, PressError } from '../util/problems.ts'
import { blockUrlProblems } from '../source/block-urls.ts'
import { nestingProblem } from '../source/nesting.ts'
import type { Comment, Decision, Entry } from './translation-file.ts'

export type ReviewAction =
  | { kind: 'edit'; text: string }
  | { kind: 'state'; state: 'reviewed' | 'final' | 'needs-work'; comment?: string }
  | { kind: 'comment'; text: string; replyTo?: string }
  | { kind: 'resolve'; commentId: string }

export interface ActionContext {
  id: string
  block: Block
  reviewer: string
  date: string
  /** The translation file, for messages. */
  file: string
}

/** The entry after `action`; throws a PressError when the action is not allowed. */
export function applyAction(entry: Entry | undefined, action: ReviewAction, context: ActionContext): Entry {
  const { block, reviewer, date } = context
  const current: Entry = entry ?? { state: 'initial', sourceHash: block.hash, source: block.text, text: '' }
  const decision = (what: Decision['action']): Decision => ({ action: what, by: reviewer, date })
  switch (action.kind) {
    case 'edit': {
      if (action.text.trim() === '') refuse(context, 'An edit needs a translation: the text is empty.', 'Type the translation, or cancel.')
      checkText(action.text, context)
      return { ...confirmed(current, block), text: action.text, state: 'translated', decision: decision('edited') }
    }
    case 'state': {
      if (action.state === 'needs-work') {
        const reason = action.comment?.trim() ?? ''
        if (reason === '') refuse(context, 'Sending a translation back needs a comment.', 'Say what needs work.')
        checkComment(reason, context)
        const comment: Comment = { id: nextId(current), author: reviewer, date, text: reason, needsWork: true, resolved: false }
        return {
          ...current,
          state: current.text.trim() === '' ? 'initial' : 'translated',
          decision: decision('needs-work'),
          comments: [...(current.comments ?? []), comment],
        }
      }
      if (current.text.trim() === '') {
        refuse(context, `There is no translation to mark ${action.state}.`, 'Translate the paragraph first.')
      }
      return { ...confirmed(current, block), state: action.state, decision: decision(action.state) }
    }
    case 'comment': {
      const text = action.text.trim()
      if (text === '') refuse(context, 'A comment needs text.', 'Type the comment, or cancel.')
      checkComment(text, context)
      const comments = current.comments ?? []
      if (action.replyTo === undefined) {
        return { ...current, comments: [...comments, { id: nextId(current), author: reviewer, date, text, resolved: false }] }
      }
      const target = findComment(comments, action.replyTo, context)
      return {
        ...current,
        comments: comments.map((c) => (c === target ? { ...c, replies: [...(c.replies ?? []), { author: reviewer, date, text }] } : c)),
      }
    }
    case 'resolve': {
      const comments = current.comments ?? []
      const target = findComment(comments, action.commentId, context)
      return { ...current, comments: comments.map((c) => (c === target ? { ...c, resolved: true } : c)) }
    }
  }
}

/** The entry answered against the current source: its fingerprint and source are the block's, a stale mark is confirmed. */
function confirmed(entry: Entry, block: Block): Entry {
  return {
    ...entry,
    sourceHash: block.hash,
    source: block.text,
    ...(entry.stale === undefined ? {} : { stale: false }),
  }
}

/** `c<n>`: one more than the highest number used in the entry (so an ID is never reused). */
export function nextId(entry: Entry): string {
  const highest = Math.max(0, ...(entry.comments ?? []).map((c) => Number(c.id.slice(1))))
  return `c${highest + 1}`
}

function findComment(comments: Comment[], id: string, context: ActionContext): Comment {
  const found = comments.find((c) => c.id === id)
  if (!found) {
    const known = comments.map((c) => c.id).join(', ') || 'none'
    refuse(context, `"${context.id}" has no comment "${id}" (its comments: ${known}).`, 'Reload the page to see the current comments.')
  }
  return found
}

/** What a build refuses in an entry's text: the URL policy, control characters, nesting too deep. */
function checkText(text: string, context: ActionContext): void {
  const problems = blockUrlProblems(text, context.file, undefined)
  const bad = findBadCharacter(text)
  if (bad !== undefined) {
    problems.push(
      problem(`The new text of "${context.id}" contains ${describeCharacter(text, bad)}.`, {
        file: context.file,
        hint: controlHint,
        ruleId: 'control-character',
      }),
    )
  }
  const deep = nestingProblem(text, context.file, () => undefined)
  if (deep) problems.push(deep)
  if (problems.length > 0) throw new PressError(problems)
}

function checkComment(text: string, context: ActionContext): void {
  const bad = findBadCharacter(text)
  if (bad !== undefined) {
    refuse(context, `The comment contains ${describeCharacter(text, bad)}.`, controlHint)
  }
}

function refuse(context: ActionContext, reason: string, hint: string): never {
  throw new PressError(problem(`${reason} (${context.id})`, { file: context.file, hint, ruleId: 'review-action' }))
}
