/**
 * remark plugin: replace each identified block's content by its translation.
 *
 * A block node is one whose `data.blockId` is set. When `translations` has a
 * text for that ID, the text is parsed as inline Markdown of one block and
 * becomes the node's children (a code block takes it as its value). Raw HTML
 * in a translation becomes text. A translation that is not one block of inline
 * content is shown as plain text and reported on the file, at its entry.
 *
 * Each translation is parsed with only the definitions it refers to (footnote
 * calls, reference links), so the cost grows with the text, not with the
 * number of notes in the publication.
 */
import type { Nodes, Parent, PhrasingContent, Root } from 'mdast'
import type { Plugin } from 'unified'
import { visit } from 'unist-util-visit'
import { parseBlockMarkdown } from '../../source/parse.ts'
import { readHtml } from '../../source/inline-html.ts'
import type { Place } from '../../util/problems.ts'

/** The publication's definitions, by normalized label. */
export interface PublicationDefinitions {
  footnotes: ReadonlySet<string>
  /** Reference label → URL. */
  references: ReadonlyMap<string, string>
}

export interface Translation {
  text: string
  /** Where the entry's text starts in the translation file. */
  place?: Place | undefined
}

export interface Options {
  /** Translated text by paragraph ID; blocks without one keep their content. */
  translations: ReadonlyMap<string, Translation>
  /** Footnote and reference definitions of the whole publication (a translation may use only these). */
  definitions: PublicationDefinitions
  /** Language of the translations, for messages. */
  language: string
  /**
   * The edition's name of an image a translated block uses (`images/<hash>.png`),
   * or undefined when the sources use no such image: it is then shown as its alt text.
   */
  imageName?: (id: string, url: string) => string | undefined
}

/** Put each block's translation in place of its content. */
export const remarkLocalize: Plugin<[Options], Root> = function (options) {
  return (tree, file) => {
    visit(tree, (node) => {
      const id = node.data?.blockId
      if (id === undefined) return undefined
      const translation = options.translations.get(id)
      if (!translation) return 'skip'
      const problem = replaceBlockContent(node as Nodes, translation.text, options.definitions)
      visit(node, 'image', (image, index, parent) => {
        const name = options.imageName?.(id, image.url)
        if (name !== undefined) image.url = name
        else if (parent && index !== undefined) parent.children[index] = { type: 'text', value: image.alt ?? '' }
      })
      if (problem) {
        const message = file.message(`The ${options.language} translation of ${id} ${problem}; it is shown as plain text.`, {
          place: translation.place,
          ruleId: 'translation-structure',
          source: 'press',
        })
        message.fatal = false
        message.note = 'Write the translation as inline Markdown of one block (escape a leading "1." as "1\\." or a leading "#" as "\\#").'
      }
      return 'skip'
    })
  }
}

/**
 * Replace a block's content with `text` parsed as Markdown. Returns a
 * description of the problem when the text is not one block of inline content.
 */
export function replaceBlockContent(node: Nodes, text: string, definitions: PublicationDefinitions): string | undefined {
  if (node.type === 'code') {
    node.value = text
    return undefined
  }
  if (!('children' in node)) return undefined
  const parsed = parseBlockMarkdown(text, definitionsFor(text, definitions))
  const content = parsed.children.filter((child) => child.type !== 'footnoteDefinition' && child.type !== 'definition')
  const first = content[0]
  if (content.length === 1 && first?.type === 'paragraph') {
    ;(node as Parent).children = inert(first.children)
    return undefined
  }
  ;(node as Parent).children = [{ type: 'text', value: text }]
  return first ? `parses as ${content.length > 1 ? 'several blocks' : `a ${first.type}`}, not inline text` : 'is empty'
}

/** The definitions `text` may refer to: every bracketed label it contains that the publication defines. */
function definitionsFor(text: string, definitions: PublicationDefinitions) {
  const footnotes = new Set<string>()
  const references = new Map<string, string>()
  for (const [, label] of text.matchAll(/\[\^([^\]]+)\]/g)) if (definitions.footnotes.has(normalizeLabel(label!))) footnotes.add(label!)
  for (const [, label] of text.matchAll(/\[([^[\]]+)\]/g)) {
    const url = definitions.references.get(normalizeLabel(label!))
    if (url !== undefined && !label!.startsWith('^')) references.set(label!, url)
  }
  return { footnotes, references: [...references].map(([label, url]) => ({ label, url })) }
}

/** Labels match as CommonMark matches them: whitespace collapsed, case folded. */
export function normalizeLabel(label: string): string {
  return label
    .replace(/[\t\n\r ]+/g, ' ')
    .replace(/^ | $/g, '')
    .toLowerCase()
    .toUpperCase()
}

/** Raw HTML in a translation is text, never markup, unless it is on the allowlist (src/source/inline-html.ts). */
function inert(children: PhrasingContent[]): PhrasingContent[] {
  return children.map((child): PhrasingContent => {
    if (child.type === 'html') return readHtml(child.value) ? child : { type: 'text', value: child.value }
    if ('children' in child) (child as Parent).children = inert((child as Parent).children as PhrasingContent[])
    delete (child as Nodes).position
    return child
  })
}
