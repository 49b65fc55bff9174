/**
 * Build the mdast of one language edition: a copy of the source tree, every
 * block node marked with its paragraph ID, status and language, then each
 * translated block's content replaced by its translation (remark-localize);
 * blocks without a translation show the source text, marked as a fallback.
 * The sources are never changed: each file's tree is cloned once.
 */
import type { Nodes, Root, RootContent } from 'mdast'
import { unified } from 'unified'
import type { VFileMessage } from 'vfile-message'
import type { IdentifiedSources } from '../ids/resolve.ts'
import type { Localizer } from '../i18n/instance.ts'
import { entryStatus } from '../i18n/status.ts'
import type { Entry } from '../i18n/translation-file.ts'
import { definitionsOf } from '../source/parse.ts'
import { imagePath } from '../source/images.ts'
import type { Block } from '../source/segment.ts'
import type { Place } from '../util/problems.ts'
import { normalizeLabel, remarkLocalize, type PublicationDefinitions, type Translation } from './plugins/remark-localize.ts'

export type BlockStatus = 'source' | 'translated' | 'stale' | 'fallback'

export interface LocalizedBlock {
  id: string
  /** The source block (never changed). */
  block: Block
  /** The block's node in the edition's tree. */
  node: Nodes
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
  entries?: Record<string, Entry> | undefined
  /** Path of the translation file, for messages. */
  translationPath?: string | undefined
  /** Where an entry's text starts in the translation file. */
  placeOf?: ((id: string) => Place | undefined) | undefined
}

/** Data each block node carries; the edition's processor copies it to hast. */
export interface BlockData {
  blockId: string
  blockStatus: BlockStatus
  blockLanguage: string
}

declare module 'mdast' {
  interface Data extends Partial<BlockData> {}
}

export function localize(input: LocalizeInput): LocalizedEdition {
  const { sources, localizer, sourceLanguage, entries } = input
  const language = localizer.language
  const tree: Root = { type: 'root', children: [] }
  const blocks: LocalizedBlock[] = []
  const translations = new Map<string, Translation>()
  const byFile = new Map<string, [string, Block][]>()
  for (const [id, block] of sources.byId) {
    const list = byFile.get(block.file)
    if (list) list.push([id, block])
    else byFile.set(block.file, [[id, block]])
  }
  for (const file of sources.files) {
    const identified = byFile.get(file.path) ?? []
    // One structured clone keeps the identity between the tree and the block nodes inside it.
    const copy = structuredClone({ tree: file.tree, nodes: identified.map(([, block]) => block.node) })
    identified.forEach(([id, block], i) => {
      const node = copy.nodes[i]!
      const resolved = language === sourceLanguage ? undefined : localizer.content(id)
      let status: BlockStatus = 'source'
      let text = block.text
      let shown = sourceLanguage
      if (language !== sourceLanguage && (!resolved || resolved.language !== language)) status = 'fallback'
      else if (resolved && language !== sourceLanguage) {
        status = entryStatus(entries?.[id], block.hash) === 'stale' ? 'stale' : 'translated'
        text = resolved.text
        shown = language
        translations.set(id, { text, place: input.placeOf?.(id) })
      }
      node.data = { ...node.data, blockId: id, blockStatus: status, blockLanguage: shown }
      blocks.push({ id, block, node, status, text, language: shown })
    })
    tree.children.push(...(copy.tree.children as RootContent[]))
  }
  const messages: VFileMessage[] = []
  unified()
    .use(remarkLocalize, { translations, definitions: publicationDefinitions(sources), language, imageName: imageNames(sources) })
    .use(() => (_: Root, file) => void messages.push(...file.messages))
    .runSync(tree, { path: input.translationPath })
  return { language, tree, blocks, messages }
}

/** A translated block's image URL as the edition names it: the same file its source block's folder holds. */
function imageNames(sources: IdentifiedSources): (id: string, url: string) => string | undefined {
  const byPath = new Map(sources.images.map((image) => [image.path, image.name]))
  const names = new Set(byPath.values())
  return (id, url) => {
    if (names.has(url)) return url
    const file = sources.byId.get(id)?.file
    return file === undefined ? undefined : byPath.get(imagePath(file, url))
  }
}

function publicationDefinitions(sources: IdentifiedSources): PublicationDefinitions {
  const footnotes = new Set<string>()
  const references = new Map<string, string>()
  for (const d of sources.files.map((file) => definitionsOf(file.tree))) {
    for (const label of d.footnotes) footnotes.add(normalizeLabel(label))
    for (const { label, url } of d.references) if (!references.has(normalizeLabel(label))) references.set(normalizeLabel(label), url)
  }
  return { footnotes, references }
}
