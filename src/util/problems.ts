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

/** Line and column (1-based) of a character offset in `text`. */
export function placeAt(text: string, offset: number): Place {
  let line = 1
  let lineStart = 0
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++
      lineStart = i + 1
    }
  }
  return { line, column: offset - lineStart + 1 }
}
