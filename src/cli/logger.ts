/** Terminal output: plain lines (CI logs stay readable), problems as path:line:column. */
import type { VFileMessage } from 'vfile-message'
import type { Logger } from '../core/logger.ts'
import { formatProblem } from '../util/problems.ts'

export interface TerminalLogger extends Logger {
  summary(line: string): void
  /** Whether a fatal problem was printed. */
  failed(): boolean
}

export function terminalLogger(out: NodeJS.WritableStream, err: NodeJS.WritableStream): TerminalLogger {
  let fatal = false
  return {
    info: (line) => out.write(line + '\n'),
    problem: (message: VFileMessage) => {
      if (message.fatal) fatal = true
      err.write(formatProblem(message) + '\n')
    },
    summary: (line) => out.write(line + '\n'),
    failed: () => fatal,
  }
}
