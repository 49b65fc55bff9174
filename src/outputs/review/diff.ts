/** A word-level diff of two source texts, as hast: removed words in <del>, added in <ins>. */
import { diffWordsWithSpace } from 'diff'
import type { ElementContent } from 'hast'
import { h } from 'hastscript'

export interface DiffStats {
  added: number
  removed: number
}

export function wordDiff(from: string, to: string): { nodes: ElementContent[]; stats: DiffStats } {
  const stats: DiffStats = { added: 0, removed: 0 }
  const nodes: ElementContent[] = diffWordsWithSpace(from, to).map((part) => {
    if (part.added) {
      stats.added += part.count ?? 1
      return h('ins', part.value)
    }
    if (part.removed) {
      stats.removed += part.count ?? 1
      return h('del', part.value)
    }
    return { type: 'text', value: part.value }
  })
  return { nodes, stats }
}
