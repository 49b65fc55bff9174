/** Blocks, entries and file metadata for the sync tests. */
import { fingerprint } from '../../src/source/fingerprint.ts'
import type { SyncBlock } from '../../src/i18n/sync.ts'

export const block = (id: string, text: string): SyncBlock => ({ id, hash: fingerprint(text), text })
export const entry = (source: string, text: string, extra: Record<string, unknown> = {}) => ({
  state: 'translated',
  sourceHash: fingerprint(source),
  source,
  text,
  ...extra,
})
export const meta = { language: 'fr', publication: 'p', producedBy: 'a translator', review: 'unreviewed', date: '2026-11-29' }
