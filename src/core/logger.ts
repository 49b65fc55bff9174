import type { VFileMessage } from 'vfile-message'

/** Passed in, never global. The CLI prints; tests collect. */
export interface Logger {
  info(line: string): void
  problem(message: VFileMessage): void
}

export function collectingLogger(): Logger & { lines: string[]; problems: VFileMessage[] } {
  const lines: string[] = []
  const problems: VFileMessage[] = []
  return { lines, problems, info: (line) => lines.push(line), problem: (message) => problems.push(message) }
}
