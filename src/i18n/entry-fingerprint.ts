/** The fingerprint of a translation entry: what the review page sends back as `expected` with a decision (src/i18n/decisions.ts). */
import { createHash } from 'node:crypto'
import { orderedEntry, type Entry } from './translation-file.ts'

/** Fingerprint of everything an entry holds (text, state, staleness, decision, comments), or of its absence. */
export function entryFingerprint(entry: Entry | undefined): string {
  if (!entry) return 'none'
  return createHash('sha256')
    .update(JSON.stringify(orderedEntry(entry)))
    .digest('hex')
    .slice(0, 16)
}
