import type { VFileMessage } from 'vfile-message'

/** Passed in, never global. The CLI prints; tests collect. */
export interface Logger {
  /** A line worth keeping (a report, a result). */
  info(line: string): void
  /** A step done (a file written): a transient status on a terminal, a plain line in logs. */
  progress(line: string): void
  problem(message: VFileMessage): void
}

export function collectingLogger(): Logger & { lines: string[]; problems: VFileMessage[] } {
  const lines: string[] = []
  const problems: VFileMessage[] = []
  return {
    lines,
    problems,
    info: (line) => lines.push(line),
    progress: (line) => lines.push(line),
    problem: (message) => problems.push(message),
  }
}
