/**
 * Problems are vfile messages: they carry the file, the place and a hint
 * (`note`). Stages collect them; a stage that cannot go on throws a
 * `PressError` holding them, and the CLI reporter prints them.
 */
import { VFileMessage } from 'vfile-message'

export interface Place {
  line: number
  column: number
}

export interface ProblemOptions {
  file: string
  place?: Place | undefined
  hint?: string | undefined
  ruleId?: string | undefined
  fatal?: boolean
}

/** Make a message about `file` at `place`, with a hint on what to do. */
export function problem(reason: string, options: ProblemOptions): VFileMessage {
  const message = new VFileMessage(reason, {
    place: options.place,
    ruleId: options.ruleId,
    source: 'press',
  })
  message.file = options.file
  message.fatal = options.fatal ?? true
  if (options.hint) message.note = options.hint
  return message
}

/** Thrown when a stage cannot continue; carries every problem found so far. */
export class PressError extends Error {
  readonly messages: VFileMessage[]

  constructor(messages: VFileMessage | VFileMessage[], context?: string) {
    const list = Array.isArray(messages) ? messages : [messages]
    super(context ?? list.map((m) => m.reason).join('; '))
    this.name = 'PressError'
    this.messages = list
  }
}

/** Throw if any of `messages` is fatal. Warnings pass through. */
export function failOnFatal(messages: VFileMessage[]): void {
  const fatal = messages.filter((m) => m.fatal)
  if (fatal.length > 0) throw new PressError(messages)
}

/** `path:line:column: reason` plus an indented hint line. */
export function formatProblem(message: VFileMessage): string {
  const where = [message.file, message.line, message.column].filter((part) => part !== undefined && part !== '').join(':')
  const severity = message.fatal ? '' : 'warning: '
  let out = `${where ? where + ': ' : ''}${severity}${message.reason}`
  if (message.note) out += `\n  hint: ${message.note}`
  return out
}

/** Line and column (1-based) of a character offset in `text`. For many lookups in one text, use `lineIndex(text)`. */
export function placeAt(text: string, offset: number): Place {
  return lineIndex(text).placeAt(offset)
}

export interface LineIndex {
  /** Line and column (1-based) of a character offset. */
  placeAt(offset: number): Place
}

let lastText: string | undefined
let lastIndex: LineIndex | undefined

/** Where each line of `text` starts, found once (linear); each lookup is a binary search. */
export function lineIndex(text: string): LineIndex {
  if (text === lastText && lastIndex) return lastIndex
  const starts = [0]
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1)
  const index: LineIndex = {
    placeAt(offset: number): Place {
      const at = Math.max(0, Math.min(offset, text.length))
      let low = 0
      let high = starts.length - 1
      while (low < high) {
        const middle = (low + high + 1) >> 1
        if (starts[middle]! <= at) low = middle
        else high = middle - 1
      }
      return { line: low + 1, column: offset - starts[low]! + 1 }
    },
  }
  lastText = text
  lastIndex = index
  return index
}
