/** Read built HTML as a tree: questions asked of elements, not of strings. */
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Element, Root } from 'hast'
import { fromHtml } from 'hast-util-from-html'
import { visit } from 'unist-util-visit'
import { repoRoot } from './project.ts'

export function parseHtmlFile(path: string): Root {
  return fromHtml(readFileSync(path, 'utf8'))
}

export function elements(tree: Root | Element, test: (e: Element) => boolean = () => true): Element[] {
  const out: Element[] = []
  visit(tree, 'element', (node: Element) => {
    if (test(node)) out.push(node)
  })
  return out
}

export function byTag(tree: Root | Element, tag: string): Element[] {
  return elements(tree, (e) => e.tagName === tag)
}

export function classes(e: Element): string[] {
  const value = e.properties.className
  return Array.isArray(value) ? value.map(String) : []
}

/** Text content, leaving out per-block tools, status flags and note reference numbers. */
export function readingText(node: Root | Element): string {
  let out = ''
  const walk = (n: Root | Element): void => {
    for (const child of n.children) {
      if (child.type === 'text') out += child.value
      else if (child.type === 'element') {
        if (classes(child).some((c) => c === 'pp-tools' || c === 'pp-flag') || child.tagName === 'sup') continue
        walk(child)
      }
    }
  }
  walk(node)
  return out.replace(/\s+/g, ' ').trim()
}

export interface VnuMessage {
  type: string
  subType?: string
  message: string
  url: string
  lastLine?: number
}

/**
 * The Nu Html Checker (vnu-jar, run with Java) on `files` (and the stylesheets `css`): every message
 * it gives. Throws when Java or the checker cannot run, so a test never passes without checking.
 */
export function nuCheck(files: string[], css: string[] = []): VnuMessage[] {
  const jar = join(repoRoot, 'node_modules', 'vnu-jar', 'build', 'dist', 'vnu.jar')
  const cssArgs = css.flatMap((file) => ['--also-check-css', file])
  const run = spawnSync('java', ['-jar', jar, '--format', 'json', '--exit-zero-always', ...cssArgs, ...files], { encoding: 'utf8' })
  if (run.error) throw run.error
  if (run.status !== 0) throw new Error(`vnu did not run (exit ${run.status}): ${run.stderr}`)
  // vnu writes its JSON report to stderr.
  return (JSON.parse(run.stderr) as { messages: VnuMessage[] }).messages
}
