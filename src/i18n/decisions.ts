/**
 * Review decisions land in the translation file: one entry, one atomic write.
 *
 * The contract with `press preview`: the page sends the entry's fingerprint as
 * it loaded it (`expected`); under the file's lock the entry is read again, and
 * if it differs the decision is refused (`ok: false`, with both versions), never
 * written over. Otherwise the action (review-actions.ts) is applied and the file
 * written as `press import` writes it: lock, temporary file, rename. Only that
 * entry's bytes change: the rest of the file keeps its formatting.
 *
 * Dates are UTC timestamps to the second (`2026-12-01T23:40:00Z`); decisionDate()
 * makes one, honouring SOURCE_DATE_EPOCH.
 */
import { join } from 'node:path'
import type { Publication } from '../project/load.ts'
import { translationPath } from '../project/paths.ts'
import { resolveIds } from '../ids/resolve.ts'
import { removeStaleTemps, writeFileAtomic } from '../util/files.ts'
import { lockFile } from '../util/lock.ts'
import { problem, PressError } from '../util/problems.ts'
import { findBadCharacter } from '../util/read-text.ts'
import { applyAction, type ReviewAction } from './review-actions.ts'
import { readTranslationFile, type Entry } from './translation-file.ts'
import { decisionDateSchema } from './translation-schema.ts'
import { writeEntry } from './write-entry.ts'
import { entryFingerprint } from './entry-fingerprint.ts'

export type { ReviewAction } from './review-actions.ts'
export { decisionDate } from '../util/dates.ts'
export { entryFingerprint } from './entry-fingerprint.ts'

export interface ReviewDecision {
  publication: Publication
  language: string
  /** Paragraph ID. */
  id: string
  /** entryFingerprint() of the entry as the page loaded it. */
  expected: string
  action: ReviewAction
  reviewer: string
  /** YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ (see decisionDate()). */
  date: string
}

export type DecisionResult =
  | { ok: true; entry: Entry; fingerprint: string }
  | { ok: false; conflict: { mine: ReviewAction; theirs: Entry | undefined; message: string } }

export async function applyDecision(decision: ReviewDecision): Promise<DecisionResult> {
  const { publication, language, id } = decision
  const { config, root } = publication
  const path = translationPath(language, config.id)
  const fail = (reason: string, hint: string): never => {
    throw new PressError(problem(reason, { file: path, hint, ruleId: 'review-decision' }))
  }
  if (!config.languages.includes(language) || language === config.sourceLanguage) {
    fail(`"${language}" is not a target language of ${config.id}.`, `Its languages are: ${config.languages.join(', ')}.`)
  }
  if (decision.reviewer.trim() === '' || findBadCharacter(decision.reviewer) !== undefined) {
    fail('A decision needs the name of the reviewer.', 'Start press preview with --reviewer NAME, or set git config user.name.')
  }
  if (!decisionDateSchema.safeParse(decision.date).success) {
    fail(`"${decision.date}" is not a decision date.`, 'Use YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ.')
  }
  const sources = await resolveIds(publication, { frozen: false, write: false })
  const block = sources.byId.get(id)
  if (!block) fail(`"${id}" is not a paragraph ID of ${config.id}.`, 'Reload the page: the source may have changed.')
  const absolute = join(root, path)
  const unlock = await lockFile(absolute)
  try {
    const loaded = await readTranslationFile(root, path)
    const theirs = loaded?.data.entries[id]
    if (entryFingerprint(theirs) !== decision.expected) {
      return { ok: false, conflict: { mine: decision.action, theirs, message: conflictMessage(decision, theirs, path) } }
    }
    const next = applyAction(theirs, decision.action, {
      id,
      block: block!,
      reviewer: decision.reviewer.trim(),
      date: decision.date,
      file: path,
    })
    const fingerprint = entryFingerprint(next)
    if (fingerprint !== entryFingerprint(theirs)) {
      await removeStaleTemps(join(absolute, '..'))
      const text = writeEntry({ loaded, id, entry: next, order: sources.ids, publication, language, date: decision.date })
      await writeFileAtomic(absolute, text, { root })
    }
    return { ok: true, entry: next, fingerprint }
  } finally {
    await unlock()
  }
}

function conflictMessage(decision: ReviewDecision, theirs: Entry | undefined, path: string): string {
  const mine = decision.action.kind === 'edit' ? `Your text: ${JSON.stringify(decision.action.text)}. ` : ''
  const disk = theirs ? `In the file now: ${JSON.stringify(theirs.text)} (${theirs.state}).` : 'The entry is no longer in the file.'
  return (
    `The ${decision.language} translation of "${decision.id}" changed in ${path} since this page loaded it: nothing was written. ` +
    `${mine}${disk} Keep yours (apply it again over theirs) or take theirs (reload the entry).`
  )
}
