/**
 * Fixture tests of the edition's unified plugins (src/edition/plugins/): each
 * folder of test/fixtures/edition/ is named after a behaviour and holds
 * `input.md` (the source), optionally `translation.json` (see
 * test/helpers/edition-fixture.ts), and `expected.html`: the edition's content
 * as the real processors make it (remark-localize, remark-keep-list-paragraphs,
 * remark-block-properties, remark-rehype, rehype-block-ids, rehype-block-flags,
 * rehype-sections), serialised with hast-util-to-html, each element's block ID
 * shown as `data-test-block`. Regenerate with `UPDATE=1 node scripts/run-tests.mjs edition/plugins`.
 */
import assert from 'node:assert/strict'
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, it } from 'node:test'
import { fixtureEdition, fixtureHtml } from '../helpers/edition-fixture.ts'
import { repoRoot } from '../helpers/project.ts'

const fixtures = join(repoRoot, 'test', 'fixtures', 'edition')

function renderFixture(dir: string): { html: string; messages: string[] } {
  const { content, messages } = fixtureEdition(dir)
  return { html: fixtureHtml({ type: 'root', children: content.children }), messages }
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
