import assert from 'node:assert/strict'
import { join } from 'node:path'
import { before, describe, it } from 'node:test'
import { build } from '../../src/commands/build.ts'
import { collectingLogger } from '../../src/util/logger.ts'
import { PressError } from '../../src/util/problems.ts'
import { byTag, classes, elements, parseHtmlFile, readingText } from '../helpers/html.ts'
import { copyProject, publicationId, read, write } from '../helpers/project.ts'
import { typeset } from '../../src/edition/typography/typeset.ts'

const fr = `translations/fr/${publicationId}.json`

describe('rendering a translation', () => {
  const dir = copyProject()
  const data = JSON.parse(read(dir, fr))
  const ids = Object.keys(data.entries)
  const [hostile, markdown, missing, stale] = [ids[1]!, ids[3]!, ids[4]!, ids[6]!]
  const page = (): ReturnType<typeof parseHtmlFile> => parseHtmlFile(join(dir, 'dist', publicationId, 'fr', 'index.html'))
  const block = (id: string) => elements(page(), (e) => e.properties.id === id)[0]!

  before(async () => {
    data.entries[hostile].text = 'Titre : {{title}} et $t(contents) puis <script>alert(1)</script><img src=x onerror=alert(2)> fin.'
    data.entries[markdown].text = 'Un *accent*, du **gras**, un [lien](https://example.org/doc) et une note[^1].'
    data.entries[missing].text = ''
    data.entries[stale].sourceHash = '0000000000000000'
    write(dir, fr, JSON.stringify(data, null, 2) + '\n')
    process.env.SOURCE_DATE_EPOCH = '1571529600'
    await build({ root: dir, frozen: true, strict: false, formats: ['html'], languages: ['fr'] }, collectingLogger())
  })

  it('should show {{…}}, $t(…) and raw HTML in a translation as inert text', () => {
    const node = block(hostile)
    assert.equal(readingText(node), 'Titre : {{title}} et $t(contents) puis <script>alert(1)</script><img src=x onerror=alert(2)> fin.')
    assert.equal(byTag(page(), 'script').length, 0)
    assert.equal(byTag(node, 'img').length, 0)
  })

  it('should parse translated Markdown: emphasis, links and note references keep working', () => {
    const node = block(markdown)
    assert.equal(readingText(byTag(node, 'em')[0]!), 'accent')
    assert.equal(readingText(byTag(node, 'strong')[0]!), 'gras')
    assert.ok(elements(node, (e) => e.tagName === 'a' && e.properties.href === 'https://example.org/doc').length === 1)
    assert.ok(elements(node, (e) => e.properties.dataFootnoteRef !== undefined).length === 1)
  })

  it('should fall back to the source text for a missing block, marked, in lang="en", and counted', () => {
    const node = block(missing)
    assert.equal(node.properties.lang, 'en')
    assert.ok(classes(node).includes('pp-fallback'))
    const flag = elements(node, (e) => classes(e).includes('pp-flag'))[0]!
    assert.equal(flag.properties.lang, 'fr')
    assert.match(readingText(flag), /Traduction manquante/i)
    assert.match(readingText(node), /^However, dissemination|^Digital economy|^The|^With|^Emerging|^[A-Z]/)
    const colophon = readingText(elements(page(), (e) => classes(e).includes('colophon'))[0]!)
    assert.match(colophon, /1 bloc/)
  })

  it('should show a stale translation with a visible marker', () => {
    const node = block(stale)
    assert.ok(classes(node).includes('pp-stale'))
    assert.equal(node.properties.lang, undefined)
    assert.match(readingText(elements(node, (e) => classes(e).includes('pp-flag'))[0]!), /pas à jour/)
    assert.equal(readingText(node).slice(0, 20), typeset(data.entries[stale].text, 'fr').slice(0, 20))
  })

  it('should fail with --strict instead of falling back, naming the entry', async () => {
    await assert.rejects(
      build({ root: dir, frozen: true, strict: true, formats: ['html'], languages: ['fr'] }, collectingLogger()),
      (error: unknown) => {
        assert.ok(error instanceof PressError)
        assert.equal(error.messages.length, 1)
        assert.equal(error.messages[0]!.file, fr)
        assert.match(error.messages[0]!.reason, new RegExp(`${missing} has no fr translation`))
        assert.ok(error.messages[0]!.line! > 1)
        return true
      },
    )
  })
})
