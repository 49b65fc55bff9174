/**
 * Fixture tests of the edition's unified plugins (src/edition/plugins/): each
 * folder of test/fixtures/edition/ is named after a behaviour and holds
 * `input.md` (the source), optionally `translation.json` (French texts by block
 * number: `{"2": "…"}`, or `{"2": {"text": "…", "stale": true}}`), and
 * `expected.html`: the edition's content as the real processors make it
 * (remark-localize, remark-keep-list-paragraphs, remark-block-properties,
 * remark-rehype, rehype-block-ids, rehype-block-flags, rehype-sections),
 * serialised with hast-util-to-html, each element's block ID shown as
 * `data-test-block`. Regenerate with `UPDATE=1 node scripts/run-tests.mjs edition/plugins`.
 */
import assert from 'node:assert/strict'
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, it } from 'node:test'
import type { Element, Root } from 'hast'
import { toHtml } from 'hast-util-to-html'
import { visit } from 'unist-util-visit'
import { editionContent } from '../../src/edition/content.ts'
import { localize } from '../../src/edition/localize.ts'
import { loadUi } from '../../src/edition/model.ts'
import { createLocalizer } from '../../src/i18n/instance.ts'
import type { Entry } from '../../src/i18n/translation-file.ts'
import type { IdentifiedSources } from '../../src/ids/resolve.ts'
import { parseMarkdown } from '../../src/source/parse.ts'
import { segment } from '../../src/source/segment.ts'
import { repoRoot } from '../helpers/project.ts'

const fixtures = join(repoRoot, 'test', 'fixtures', 'edition')
const ui = Object.fromEntries([...(await loadUi(repoRoot, ['en', 'fr']))].map(([code, file]) => [code, file.strings]))

/** The fixture's source as identified sources: block n has the ID `b<n>`. */
function sourcesOf(text: string): IdentifiedSources {
  const tree = parseMarkdown(text)
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

export function renderFixture(dir: string): { html: string; messages: string[] } {
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
  const hast = structuredClone(editionContent(localized, localizer, { languageName: (code) => names.of(code) ?? code }))
  const root: Root = { type: 'root', children: [...hast.children] }
  visit(root, 'element', (node: Element) => {
    if (node.data?.blockId !== undefined) node.properties.dataTestBlock = node.data.blockId
  })
  return { html: toHtml(root).replaceAll('><', '>\n<') + '\n', messages: localized.messages.map((m) => `${m.reason} [${m.ruleId}]`) }
}

describe('edition plugins on fixtures', () => {
  for (const name of readdirSync(fixtures).sort()) {
    it(`should ${name.replaceAll('-', ' ')}`, () => {
      const dir = join(fixtures, name)
      const { html, messages } = renderFixture(dir)
      const actual = html + messages.map((m) => `<!-- ${m} -->\n`).join('')
      const expectedPath = join(dir, 'expected.html')
      if (process.env.UPDATE === '1' || !existsSync(expectedPath)) writeFileSync(expectedPath, actual)
      assert.equal(actual, readFileSync(expectedPath, 'utf8'))
    })
  }
})
