/** In-memory helpers: Markdown text → blocks → IDs, no disk. */
import { assignIds, type Assignment } from '../../src/ids/assign.ts'
import { emptyLock, type Lock } from '../../src/ids/lock.ts'
import { parseMarkdown } from '../../src/source/parse.ts'
import { segment, type Block } from '../../src/source/segment.ts'

export function blocksOf(markdown: string, file = 'doc.md'): Block[] {
  const result = segment(parseMarkdown(markdown), markdown, file)
  if (result.messages.length > 0) throw new Error(result.messages.map(String).join('\n'))
  return result.blocks
}

/** Lock a first version, then re-assign after an edit. */
export function lockThenEdit(
  before: string,
  after: string,
): { first: Assignment; second: Assignment; idOf: (text: string, which?: 'before' | 'after') => string } {
  const first = assignIds(emptyLock(), blocksOf(before))
  const second = assignIds(first.lock, blocksOf(after))
  const idOf = (start: string, which: 'before' | 'after' = 'before'): string => {
    const a = which === 'before' ? first : second
    const index = a.lock.blocks.findIndex((b) => b.text.startsWith(start))
    if (index < 0) throw new Error(`no block starting with "${start}"`)
    return a.lock.blocks[index]!.id
  }
  return { first, second, idOf }
}

export function lockOf(markdown: string): Lock {
  return assignIds(emptyLock(), blocksOf(markdown)).lock
}
