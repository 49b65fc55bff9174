/**
 * Assign IDs to the current blocks of a publication from its lock: re-match,
 * mint what is new, retire what is gone. Pure: the caller reads and writes.
 */
import { createHash } from 'node:crypto'
import { normalizeText } from '../source/fingerprint.ts'
import type { Block, BlockKind } from '../source/segment.ts'
import { LOCK_VERSION, type Lock, type LockEntry, type RetiredEntry } from './lock.ts'
import { matchBlocks, type MatchHow } from './match.ts'

export interface IdChange {
  id: string
  block: Block
  how: MatchHow | 'minted'
  /** For edited/rewritten/split/merged/revived blocks: the text the lock had. */
  previousText?: string
}

export interface Assignment {
  /** ID of each block, in order. */
  ids: string[]
  /** What happened to each block. */
  changes: IdChange[]
  /** Lock entries whose block is gone. */
  retired: LockEntry[]
  /** The lock as it should now be. */
  lock: Lock
  /** Whether `lock` differs from the input lock. */
  changed: boolean
}

const prefixes: Record<BlockKind, string> = {
  heading: 'h',
  paragraph: 'p',
  note: 'n',
  'table-cell': 't',
  code: 'c',
}

export function assignIds(lock: Lock, blocks: readonly Block[]): Assignment {
  // Retirements that kept their text can come back; bare IDs (pruned, version 1) cannot.
  const revivable = lock.retired.filter(
    (r): r is Required<RetiredEntry> => r.text !== undefined && r.kind !== undefined && r.hash !== undefined,
  )
  const { assigned, how } = matchBlocks(lock.blocks, blocks, revivable)
  const oldAt = (j: number): { id: string; text: string } => (j < lock.blocks.length ? lock.blocks[j]! : revivable[j - lock.blocks.length]!)
  const used = new Set<string>([...lock.blocks.map((b) => b.id), ...lock.retired.map((r) => r.id)])
  const ids: string[] = []
  const changes: IdChange[] = []
  blocks.forEach((block, i) => {
    const j = assigned[i]!
    if (j >= 0) {
      const old = oldAt(j)
      ids.push(old.id)
      const kind = how[i]!
      changes.push(
        kind === 'kept' || kind === 'moved' ? { id: old.id, block, how: kind } : { id: old.id, block, how: kind, previousText: old.text },
      )
    } else {
      const id = mintId(block, used)
      used.add(id)
      ids.push(id)
      changes.push({ id, block, how: 'minted' })
    }
  })
  const kept = new Set(assigned.filter((j) => j >= 0))
  const retired = lock.blocks.filter((_, j) => !kept.has(j))
  const revived = new Set(ids)
  const next: Lock = {
    lockfileVersion: LOCK_VERSION,
    blocks: blocks.map((block, i) => ({ id: ids[i]!, kind: block.kind, file: block.file, hash: block.hash, text: block.text })),
    retired: [
      ...lock.retired.filter((r) => !revived.has(r.id)),
      ...retired.map((entry) => ({ id: entry.id, kind: entry.kind, hash: entry.hash, text: entry.text })),
    ],
  }
  const changed = JSON.stringify({ ...next, lockfileVersion: 0 }) !== JSON.stringify({ ...lock, lockfileVersion: 0 })
  return { ids, changes, retired, lock: next, changed }
}

/**
 * A new ID: the kind's letter and six base-36 digits of a hash of the text,
 * so the same source mints the same IDs on every machine. A collision with a
 * live or retired ID re-hashes with a counter: IDs are never reused.
 */
export function mintId(block: Pick<Block, 'kind' | 'text'>, used: ReadonlySet<string>): string {
  for (let attempt = 0; ; attempt++) {
    const digest = createHash('sha256')
      .update(`${attempt}\u0000${block.kind}\u0000${normalizeText(block.text)}`)
      .digest()
    const id = `${prefixes[block.kind]}-${(digest.readUInt32BE(0) % 36 ** 6).toString(36).padStart(6, '0')}`
    if (!used.has(id)) return id
  }
}
