/** Where each translation stands against the current source. */
import type { Entry, TranslationFile } from './translation-file.ts'

export type EntryStatus = 'translated' | 'stale' | 'missing'

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
  orphans: number
  /** IDs that need work, with the source block's place. */
  work: { id: string; status: 'stale' | 'missing'; where: string }[]
  complete: boolean
}

export function entryStatus(entry: Entry | undefined, currentHash: string): EntryStatus {
  if (!entry || entry.text.trim() === '') return 'missing'
  if (entry.sourceHash !== currentHash || entry.stale === true) return 'stale'
  return 'translated'
}

export function languageStatus(language: string, file: TranslationFile | undefined, blocks: readonly StatusBlock[]): LanguageStatus {
  const status: LanguageStatus = {
    language,
    total: blocks.length,
    translated: 0,
    stale: 0,
    missing: 0,
    orphans: Object.keys(file?.orphans ?? {}).length,
    work: [],
    complete: false,
  }
  for (const block of blocks) {
    const s = entryStatus(file?.entries[block.id], block.hash)
    status[s]++
    if (s !== 'translated') status.work.push({ id: block.id, status: s, where: `${block.file}:${block.line}` })
  }
  status.complete = status.stale === 0 && status.missing === 0
  return status
}

export function percent(part: number, total: number): string {
  return total === 0 ? '100%' : `${Math.floor((1000 * part) / total) / 10}%`
}
