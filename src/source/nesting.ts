/**
 * Lists and block quotes nest by line prefixes; remark/micromark take time
 * that grows much faster than the input with the depth (1,000 nested list
 * items do not finish in minutes). This linear scan bounds the depth before
 * parsing, and reports the first line that goes too deep.
 */
import type { VFileMessage } from 'vfile-message'
import { maxNestingDepth } from '../util/limits.ts'
import { problem, type Place } from '../util/problems.ts'

/** Offset and depth of the first line nested deeper than `limit`, if any. */
export function tooDeep(text: string, limit: number = maxNestingDepth): { offset: number; depth: number } | undefined {
  let start = 0
  while (start <= text.length) {
    let end = text.indexOf('\n', start)
    if (end === -1) end = text.length
    const depth = lineDepth(text, start, end)
    if (depth > limit) return { offset: start, depth }
    start = end + 1
  }
  return undefined
}

/** An upper bound of the container depth a line opens: its `>` markers, list markers and indentation (2 columns a level). */
function lineDepth(text: string, start: number, end: number): number {
  let depth = 0
  let indent = 0
  let i = start
  let containers = false
  let afterMarker = false // the one space after a marker is part of the marker
  const marker = (): void => {
    depth++
    containers = true
    afterMarker = true
  }
  while (i < end) {
    const c = text.charCodeAt(i)
    if (c === 0x20 || c === 0x09) {
      if (afterMarker) afterMarker = false
      else indent += c === 0x09 ? 4 : 1
    } else if (c === 0x3e /* > */) marker()
    else if ((c === 0x2d || c === 0x2a || c === 0x2b) && isSpace(text.charCodeAt(i + 1))) marker()
    else if (c >= 0x30 && c <= 0x39) {
      let j = i
      while (j < end && j - i < 9 && text.charCodeAt(j) >= 0x30 && text.charCodeAt(j) <= 0x39) j++
      const after = text.charCodeAt(j)
      if ((after === 0x2e || after === 0x29) && isSpace(text.charCodeAt(j + 1))) {
        marker()
        i = j
      } else break
    } else break
    i++
  }
  return containers ? depth + Math.floor(indent / 2) : 0
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || Number.isNaN(c)
}

/** A problem for Markdown nested too deep, at `placeOf(offset)`. */
export function nestingProblem(text: string, file: string, placeOf: (offset: number) => Place | undefined): VFileMessage | undefined {
  const found = tooDeep(text)
  if (!found) return undefined
  return problem(`Lists or block quotes are nested deeper than the limit of ${maxNestingDepth} levels here.`, {
    file,
    place: placeOf(found.offset),
    hint: `Flatten the nesting (see "Limits" in README.md): deeper nesting makes the Markdown parser run for minutes.`,
    ruleId: 'nesting-limit',
  })
}
