/**
 * The URL policy (src/util/url-policy.ts) applied to a Markdown tree: every
 * link, autolink, image and definition, where it enters (a source, a
 * translation entry, an imported unit).
 */
import type { Nodes, Root } from 'mdast'
import { visit } from 'unist-util-visit'
import type { VFileMessage } from 'vfile-message'
import { problem, type Place } from '../util/problems.ts'
import { checkImageUrl, checkLinkUrl, type UrlVerdict } from '../util/url-policy.ts'

export interface UrlViolation {
  /** The URL as the Markdown parser read it (entities decoded). */
  url: string
  /** The node's start offset in the parsed text. */
  offset: number
  line: number
  column: number
  reason: string
  hint: string
}

/**
 * Every URL of `tree` that breaks the policy. Only nodes starting before
 * `end` count (block parses append stub definitions after the text).
 * A definition is checked as an image source when an image reference uses it.
 */
export function urlViolations(tree: Root, end = Infinity): UrlViolation[] {
  const imageLabels = new Set<string>()
  visit(tree, (node: Nodes) => {
    if (node.type === 'imageReference') imageLabels.add(node.identifier)
  })
  const found: UrlViolation[] = []
  const add = (node: Nodes, url: string, verdict: UrlVerdict): void => {
    const start = node.position?.start
    if (verdict.allowed || !start || (start.offset ?? 0) >= end) return
    found.push({ url, offset: start.offset ?? 0, line: start.line, column: start.column, reason: verdict.reason, hint: verdict.hint })
  }
  visit(tree, (node: Nodes) => {
    if (node.type === 'link') add(node, node.url, checkLinkUrl(node.url))
    else if (node.type === 'image') add(node, node.url, checkImageUrl(node.url))
    else if (node.type === 'definition') {
      add(node, node.url, imageLabels.has(node.identifier) ? checkImageUrl(node.url) : checkLinkUrl(node.url))
    }
  })
  return found
}

/**
 * Whether `markdown` can hold a URL at all: every node urlViolations checks needs one of these marks (an inline link
 * or image `](`, a definition `]:`, an autolink `<`, or a GFM literal: `www.`, `://`, `@`, `mailto:`, `xmpp:`).
 * Most translated paragraphs have none, and need no parse to know they break no URL rule.
 */
export function mayHoldUrl(markdown: string): boolean {
  return /\]\(|\]:|<|@|www\.|:\/\/|mailto:|xmpp:/i.test(markdown)
}

/** `url` quoted for a message: control characters shown as escapes, long URLs shortened. */
export function showUrl(url: string): string {
  return JSON.stringify(url.length > 80 ? `${url.slice(0, 77)}...` : url)
}

/** The policy's problems for a whole Markdown file (a source), at the Markdown's line and column. */
export function urlProblems(tree: Root, file: string): VFileMessage[] {
  return urlViolations(tree).map((v) => urlProblem(v, file, { line: v.line, column: v.column }))
}

/** One violation as an error at `place` of `file`. */
export function urlProblem(violation: UrlViolation, file: string, place: Place | undefined): VFileMessage {
  return problem(`${violation.reason}: ${showUrl(violation.url)}.`, { file, place, hint: violation.hint, ruleId: 'url-policy' })
}
