/**
 * Fixture tests of the outputs' unified plugins: each folder of test/fixtures/outputs/ is named after a behaviour
 * and holds `input.md` (and optionally `translation.json`, see test/helpers/edition-fixture.ts), `plugin.json`
 * (`{"plugin": "<file name>", …options that JSON can say}`) and `expected.html`: the edition's content as the
 * real processors make it, then run through `unified().use(plugin, options)`, serialised one element per line
 * with each block ID as `data-test-block`. Regenerate with `UPDATE=1 node scripts/run-tests.mjs outputs/plugins`.
 */
import assert from 'node:assert/strict'
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, it } from 'node:test'
import type { Root } from 'hast'
import { unified } from 'unified'
import type { Localizer } from '../../src/i18n/instance.ts'
import { rehypeEpubNotes } from '../../src/outputs/epub/rehype-epub-notes.ts'
import { rehypeUnfoldDetails } from '../../src/outputs/epub/rehype-unfold-details.ts'
import { rehypeBlockTools, type Alternate } from '../../src/outputs/html/rehype-block-tools.ts'
import { rehypeParallelCells } from '../../src/outputs/parallel/rehype-parallel-cells.ts'
import { rehypePrintNotes } from '../../src/outputs/pdf/rehype-print-notes.ts'
import { rehypeHyphenate } from '../../src/outputs/rehype-hyphenate.ts'
import { fixtureEdition, fixtureHtml } from '../helpers/edition-fixture.ts'
import { repoRoot } from '../helpers/project.ts'

const fixtures = join(repoRoot, 'test', 'fixtures', 'outputs')

/** Each plugin with its options: the labels come from the edition's interface strings, as the writers take them. */
const processors: Record<string, (l: Localizer, options: Record<string, unknown>) => (tree: Root) => Root> = {
  'rehype-block-tools': (l, options) => (tree) =>
    unified()
      .use(rehypeBlockTools, {
        language: l.language,
        permalinkLabel: l.t('permalink'),
        alternateLabel: (name) => l.t('paragraphIn', { language: name }),
        alternates: options.alternates as Alternate[],
      })
      .runSync(tree),
  'rehype-epub-notes': () => (tree) => unified().use(rehypeEpubNotes).runSync(tree),
  'rehype-unfold-details': () => (tree) => unified().use(rehypeUnfoldDetails).runSync(tree),
  'rehype-print-notes': (l) => (tree) =>
    unified()
      .use(rehypePrintNotes, { label: l.t('notes') })
      .runSync(tree),
  'rehype-parallel-cells': (_, options) => (tree) =>
    unified()
      .use(rehypeParallelCells, { demote: options.demote as number })
      .runSync(tree),
  'rehype-hyphenate': (l) => (tree) => unified().use(rehypeHyphenate, { language: l.language }).runSync(tree),
}

describe('output plugins on fixtures', () => {
  for (const name of readdirSync(fixtures).sort()) {
    it(`should ${name.replaceAll('-', ' ')}`, () => {
      const dir = join(fixtures, name)
      const { plugin, ...options } = JSON.parse(readFileSync(join(dir, 'plugin.json'), 'utf8')) as { plugin: string }
      const processor = processors[plugin]
      assert.ok(processor, `${name}/plugin.json names no known plugin: ${plugin}`)
      const { content, localizer } = fixtureEdition(dir)
      const tree = processor(localizer, options)({ type: 'root', children: content.children })
      const actual = fixtureHtml(tree)
      const expectedPath = join(dir, 'expected.html')
      if (process.env.UPDATE === '1' || !existsSync(expectedPath)) writeFileSync(expectedPath, actual)
      assert.equal(actual, readFileSync(expectedPath, 'utf8'))
    })
  }
})
