/** The URL policy over one block's Markdown (an imported unit, a review edit): parsed here, so src/source/urls.ts loads no parser. */
import type { VFileMessage } from 'vfile-message'
import type { Place } from '../util/problems.ts'
import { parseBlockMarkdown } from './parse.ts'
import { mayHoldUrl, urlProblem, urlViolations } from './urls.ts'

/** The policy's problems for one block's Markdown (an imported unit), all at `place` of `file`. */
export function blockUrlProblems(markdown: string, file: string, place: Place | undefined): VFileMessage[] {
  if (!mayHoldUrl(markdown)) return []
  return urlViolations(parseBlockMarkdown(markdown), markdown.length).map((v) => urlProblem(v, file, place))
}
