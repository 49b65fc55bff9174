/**
 * An edition built from a fixture folder by the real processors: `input.md` (the source, block n has the ID
 * `b<n>`) and optionally `translation.json` (French texts by block number: `{"2": "…"}`, or
 * `{"2": {"text": "…", "stale": true}}`). `fixtureHtml` serialises a tree with hast-util-to-html, one element per
 * line, each element's block ID shown as `data-test-block`, for the `expected.html` of a fixture test.
 */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Element, Root } from 'hast'
import { toHtml } from 'hast-util-to-html'
import { visit } from 'unist-util-visit'
import { editionContent, type ContentCopy } from '../../src/edition/content.ts'
import { localize } from '../../src/edition/localize.ts'
import { loadUi } from '../../src/edition/model.ts'
import { createLocalizer, type Localizer } from '../../src/i18n/instance.ts'
import type { Entry } from '../../src/i18n/translation-file.ts'
import type { IdentifiedSources } from '../../src/ids/resolve.ts'
import { groupDetails } from '../../src/source/details.ts'
import { parseMarkdown } from '../../src/source/parse.ts'
import { segment } from '../../src/source/segment.ts'
import { repoRoot } from './project.ts'

const ui = Object.fromEntries([...(await loadUi(repoRoot, ['en', 'fr']))].map(([code, file]) => [code, file.strings]))

/** The fixture's source as identified sources (read as src/source/read.ts reads a file): block n has the ID `b<n>`. */
function sourcesOf(text: string): IdentifiedSources {
  const tree = parseMarkdown(text)
  groupDetails(tree, text) // as readSources does
  const { blocks } = segment(tree, text, 'input.md')
  const ids = blocks.map((_, i) => `b${i + 1}`)
  return {
    files: [{ path: 'input.md', text, tree }],
    blocks,
    images: [],
    ids,
    byId: new Map(blocks.map((block, i) => [ids[i]!, block])),
    assignment: undefined as never,
    lockPath: 'ids.lock.json',
  }
}

export interface FixtureEdition {
  /** A copy of the edition's content, to change. */
  content: ContentCopy
  localizer: Localizer
  /** Problems found while localizing, as `reason [ruleId]`. */
  messages: string[]
}

export function fixtureEdition(dir: string): FixtureEdition {
  const sources = sourcesOf(readFileSync(join(dir, 'input.md'), 'utf8'))
  const translationPath = join(dir, 'translation.json')
  const raw: Record<string, string | { text: string; stale?: boolean }> = existsSync(translationPath)
    ? JSON.parse(readFileSync(translationPath, 'utf8'))
    : {}
  const language = existsSync(translationPath) ? 'fr' : 'en'
  const entries: Record<string, Entry> = {}
  for (const [n, value] of Object.entries(raw)) {
    const block = sources.byId.get(`b${n}`)!
    const { text, stale } = typeof value === 'string' ? { text: value, stale: false } : value
    entries[`b${n}`] = { state: 'translated', sourceHash: block.hash, source: block.text, text, ...(stale ? { stale } : {}) }
  }
  const content = {
    en: Object.fromEntries([...sources.byId].map(([id, block]) => [id, block.text])),
    fr: Object.fromEntries(Object.entries(entries).map(([id, entry]) => [id, entry.text])),
  }
  const localizer = createLocalizer({ language, sourceLanguage: 'en', namespace: 'fixture', ui, content })
  const localized = localize({ sources, localizer, sourceLanguage: 'en', entries, translationPath: 'translation.json' })
  const names = new Intl.DisplayNames([language], { type: 'language' })
  const hast = structuredClone(editionContent(localized, localizer, { languageName: (code) => names.of(code) ?? code })) as ContentCopy
  return { content: hast, localizer, messages: localized.messages.map((m) => `${m.reason} [${m.ruleId}]`) }
}

export function fixtureHtml(root: Root): string {
  visit(root, 'element', (node: Element) => {
    if (node.data?.blockId !== undefined) node.properties.dataTestBlock = node.data.blockId
  })
  return toHtml(root).replaceAll('><', '>\n<') + '\n'
}
