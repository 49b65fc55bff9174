/**
 * Reviewers' comments in exchange files, and merging them back.
 *
 * Each format carries the entry's comments as notes (see xliff2.ts, xliff12.ts,
 * po.ts); a reader gives back `ImportedComment`s. A comment with a known ID
 * updates that comment (it can be resolved, new replies are added; its text
 * stays as the translation file has it); a note
 * a tool added without an ID becomes a new comment `c<n>`. A comment missing
 * from the imported file is kept: an import never deletes a comment.
 *
 * PO translator comments (`# `), one block per comment or reply:
 *   # c1 · Ana · 2026-12-01T09:30:00Z · open · needs work
 *   #   The figure does not match the source.
 *   # c1 reply · Li · 2026-12-01T10:00:00Z
 *   #   Fixed.
 * Lines a translator adds above the first such header become a new comment.
 */
import type { Comment, Reply } from '../i18n/translation-file.ts'

export interface ImportedComment {
  /** `c<n>` when the comment came from an export; absent for a note a tool added. */
  id?: string
  author: string
  date?: string
  text: string
  resolved: boolean
  needsWork: boolean
  replies: Reply[]
}

/** Who a note added in a translation tool is from, when the format does not say. */
export const TOOL_AUTHOR = 'translator'

export function toImported(c: Comment): ImportedComment {
  return {
    id: c.id,
    author: c.author,
    date: c.date,
    text: c.text,
    resolved: c.resolved,
    needsWork: c.needsWork === true,
    replies: c.replies ?? [],
  }
}

/** Same comments, as a format reads them back: what "unchanged" means. */
export function sameComments(a: readonly ImportedComment[] | undefined, b: readonly ImportedComment[] | undefined): boolean {
  return JSON.stringify(a ?? []) === JSON.stringify(b ?? [])
}

/** `existing` with the imported comments merged in (see the rule at the top). */
export function mergeComments(existing: readonly Comment[], imported: readonly ImportedComment[], date: string): Comment[] {
  const out = existing.map((c) => ({ ...c }))
  let highest = Math.max(0, ...out.map((c) => Number(c.id.slice(1))))
  for (const incoming of imported) {
    const known = incoming.id === undefined ? undefined : out.find((c) => c.id === incoming.id)
    if (known) {
      known.resolved = known.resolved || incoming.resolved
      const replies = [...(known.replies ?? [])]
      for (const reply of incoming.replies) {
        if (reply.text.trim() === '') continue
        if (!replies.some((r) => r.author === reply.author && r.date === reply.date && loose(r.text) === loose(reply.text)))
          replies.push(reply)
      }
      if (replies.length > 0) known.replies = replies
      continue
    }
    if (incoming.text.trim() === '') continue
    highest++
    out.push({
      id: `c${highest}`,
      author: incoming.author || TOOL_AUTHOR,
      date: incoming.date ?? date,
      text: incoming.text,
      ...(incoming.needsWork ? { needsWork: true as const } : {}),
      resolved: incoming.resolved,
      ...(incoming.replies.length > 0 ? { replies: incoming.replies } : {}),
    })
  }
  return out
}

const HEADER = /^(c[1-9]\d*)( reply)? · (.+) · (\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}:\d{2}Z)?)(?: · (open|resolved))?( · needs work)?$/

/** Comments as PO translator-comment text (one string; gettext-parser writes each line as `# …`). */
export function commentsToPo(comments: readonly Comment[]): string {
  const lines: string[] = []
  const body = (text: string): string[] => text.split('\n').map((line) => `  ${line}`)
  for (const c of comments) {
    lines.push(
      `${c.id} · ${c.author} · ${c.date} · ${c.resolved ? 'resolved' : 'open'}${c.needsWork ? ' · needs work' : ''}`,
      ...body(c.text),
    )
    for (const r of c.replies ?? []) lines.push(`${c.id} reply · ${r.author} · ${r.date}`, ...body(r.text))
  }
  return lines.join('\n')
}

/** The comments of PO translator-comment text. */
export function commentsFromPo(text: string | undefined): ImportedComment[] {
  if (text === undefined || text.trim() === '') return []
  const out: ImportedComment[] = []
  const free: string[] = []
  let current: { lines: string[]; into: { text: string } } | undefined
  const flush = (): void => {
    if (current) current.into.text = trimLines(current.lines)
    current = undefined
  }
  for (const line of text.split('\n')) {
    const header = HEADER.exec(line.trim())
    if (!header) {
      if (current) current.lines.push(line.replace(/^ {1,2}/, ''))
      else if (out.length === 0) free.push(line)
      continue
    }
    flush()
    const [, id, reply, author, date, state, needsWork] = header
    if (reply) {
      const parent = [...out].reverse().find((c) => c.id === id)
      if (!parent) continue
      const r: Reply = { author: author!, date: date!, text: '' }
      parent.replies.push(r)
      current = { lines: [], into: r }
      continue
    }
    const comment: ImportedComment = {
      id: id!,
      author: author!,
      date: date!,
      text: '',
      resolved: state === 'resolved',
      needsWork: needsWork !== undefined,
      replies: [],
    }
    out.push(comment)
    current = { lines: [], into: comment }
  }
  flush()
  const added = trimLines(free)
  if (added !== '') out.unshift({ author: TOOL_AUTHOR, text: added, resolved: false, needsWork: false, replies: [] })
  return out
}

const loose = (text: string): string => text.replace(/\s+/g, ' ').trim()

function trimLines(lines: string[]): string {
  return lines.join('\n').trim()
}
