/**
 * Build the mdast of one language edition: the source tree with every block's
 * content replaced by its translation (parsed as Markdown), or by the source
 * text marked as a fallback. Raw HTML in a translation becomes inert text.
 */
import type { Nodes, Parent, PhrasingContent, Root, RootContent } from 'mdast'
import type { VFileMessage } from 'vfile-message'
import type { IdentifiedSources } from '../ids/resolve.ts'
import type { Localizer } from '../i18n/instance.ts'
import { entryStatus } from '../i18n/status.ts'
import type { Entry } from '../i18n/translation-file.ts'
import { definitionsOf, parseBlockMarkdown, parseMarkdown, type BlockDefinitions } from '../source/parse.ts'
import { segment, type Block } from '../source/segment.ts'
import { problem } from '../util/problems.ts'

export type BlockStatus = 'source' | 'translated' | 'stale' | 'fallback'

export interface LocalizedBlock {
  id: string
  block: Block
  status: BlockStatus
  /** Markdown shown for the block. */
  text: string
  /** Language of the text shown. */
  language: string
}

export interface LocalizedEdition {
  language: string
  tree: Root
  blocks: LocalizedBlock[]
  messages: VFileMessage[]
}

export interface LocalizeInput {
  sources: IdentifiedSources
  localizer: Localizer
  sourceLanguage: string
  /** Entries of the language's translation file (undefined for the source language). */
  entries?: Record<string, Entry>
  /** Path of the translation file, for messages. */
  translationPath?: string
}

/** Data attached to block nodes and carried into hast. */
export interface BlockData {
  blockId: string
  blockStatus: BlockStatus
  blockLanguage: string
}

export function localize(input: LocalizeInput): LocalizedEdition {
  const { sources, localizer, sourceLanguage, entries } = input
  const language = localizer.language
  const messages: VFileMessage[] = []
  // `[^1]` and `[text][ref]` in a translation resolve as they do in the source, and only then.
  const definitions = mergeDefinitions(sources.files.map((file) => definitionsOf(file.tree)))
  const tree: Root = { type: 'root', children: [] }
  const blocks: LocalizedBlock[] = []
  let index = 0
  for (const file of sources.files) {
    // A fresh tree per edition: segmenting it gives its nodes in block order.
    const fresh = parseMarkdown(file.text)
    for (const block of segment(fresh, file.text, file.path).blocks) {
      const id = sources.ids[index++]!
      const resolved = language === sourceLanguage ? undefined : localizer.content(id)
      const entry = entries?.[id]
      let status: BlockStatus
      let text: string
      let shownLanguage: string
      if (language === sourceLanguage) {
        status = 'source'
        text = block.text
        shownLanguage = sourceLanguage
      } else if (!resolved || resolved.language !== language) {
        status = 'fallback'
        text = block.text
        shownLanguage = sourceLanguage
      } else {
        status = entryStatus(entry, block.hash) === 'stale' ? 'stale' : 'translated'
        text = resolved.text
        shownLanguage = language
      }
      if (status === 'translated' || status === 'stale') {
        const replaced = replaceContent(block, text, definitions)
        if (replaced) {
          messages.push(
            problem(`The ${language} translation of ${id} ${replaced}; it is shown as plain text.`, {
              file: input.translationPath ?? block.file,
              hint: 'Write the translation as inline Markdown of one block (escape a leading "1." as "1\\." or a leading "#" as "\\#").',
              fatal: false,
              ruleId: 'translation-structure',
            }),
          )
        }
      }
      const data: BlockData = { blockId: id, blockStatus: status, blockLanguage: shownLanguage }
      block.node.data = { ...block.node.data, ...data } as typeof block.node.data
      blocks.push({ id, block, status, text, language: shownLanguage })
    }
    tree.children.push(...(fresh.children as RootContent[]))
  }
  return { language, tree, blocks, messages }
}

/**
 * Replace a block's content with `text` parsed as Markdown. Returns a
 * description of the problem when the text is not one block of inline content.
 */
function replaceContent(block: Block, text: string, definitions: BlockDefinitions): string | undefined {
  const node = block.node
  if (node.type === 'code') {
    node.value = text
    return undefined
  }
  if (!('children' in node)) return undefined
  const parsed = parseBlockMarkdown(text, definitions)
  const content = parsed.children.filter((child) => child.type !== 'footnoteDefinition' && child.type !== 'definition')
  const first = content[0]
  if (content.length === 1 && first?.type === 'paragraph') {
    ;(node as Parent).children = inert(first.children)
    return undefined
  }
  ;(node as Parent).children = [{ type: 'text', value: text }]
  return first ? `parses as ${content.length > 1 ? 'several blocks' : `a ${first.type}`}, not inline text` : 'is empty'
}

/** Raw HTML in a translation is text, never markup. */
function inert(children: PhrasingContent[]): PhrasingContent[] {
  return children.map((child): PhrasingContent => {
    if (child.type === 'html') return { type: 'text', value: child.value }
    if ('children' in child) (child as Parent).children = inert((child as Parent).children as PhrasingContent[])
    delete (child as Nodes).position
    return child
  })
}

function mergeDefinitions(all: Required<BlockDefinitions>[]): Required<BlockDefinitions> {
  return { footnotes: all.flatMap((d) => [...d.footnotes]), references: all.flatMap((d) => [...d.references]) }
}
