/**
 * Terminal output. On an interactive terminal, progress is one status line
 * rewritten in place; in CI and logs, plain lines. Problems are printed as
 * path:line:column with their hint.
 */
import type { VFileMessage } from 'vfile-message'
import type { Logger } from '../util/logger.ts'
import { formatProblem } from '../util/problems.ts'

export interface TerminalLogger extends Logger {
  summary(line: string): void
  /** Whether a fatal problem was printed. */
  failed(): boolean
}

type Stream = NodeJS.WritableStream & { isTTY?: boolean; columns?: number }

export function terminalLogger(out: Stream, err: Stream, interactive = Boolean(out.isTTY) && !process.env.CI): TerminalLogger {
  let fatal = false
  let steps = 0
  let status = false
  const clear = (): void => {
    if (status) out.write('\r\x1b[2K')
    status = false
  }
  return {
    info: (line) => {
      clear()
      out.write(line + '\n')
    },
    progress: (line) => {
      steps++
      if (!interactive) {
        out.write(line + '\n')
        return
      }
      const text = `[${steps}] ${line}`
      out.write(`\r\x1b[2K${text.slice(0, Math.max(20, (out.columns || 80) - 1))}`)
      status = true
    },
    problem: (message: VFileMessage) => {
      clear()
      if (message.fatal) fatal = true
      err.write(formatProblem(message) + '\n')
    },
    summary: (line) => {
      clear()
      out.write(line + '\n')
    },
    failed: () => fatal,
  }
}
