import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { parallelPairs } from '../../src/outputs/parallel/index.ts'
import { publicationSchema } from '../../src/project/schema.ts'

const config = (parallel?: unknown) =>
  publicationSchema.parse({
    id: 'p',
    identifier: 'urn:x',
    title: 'T',
    issuer: 'I',
    publisher: 'P',
    date: '2019',
    sourceLanguage: 'en',
    languages: ['fr', 'ar', 'zh'],
    sources: ['a.md'],
    ...(parallel === undefined ? {} : { parallel }),
  })

describe('parallel pairs', () => {
  it('should pair the source with each target, then add each listed pair whose two languages are built', () => {
    const listed = config([
      ['fr', 'ar'],
      ['zh', 'en'],
    ])
    assert.deepEqual(parallelPairs(listed, ['en', 'fr', 'ar', 'zh']), [
      ['en', 'fr'],
      ['en', 'ar'],
      ['en', 'zh'],
      ['fr', 'ar'],
      ['zh', 'en'],
    ])
    assert.deepEqual(parallelPairs(listed, ['fr']), [['en', 'fr']])
    assert.deepEqual(parallelPairs(config(), ['en', 'ar']), [['en', 'ar']])
  })

  it('should refuse a pair naming a language the publication does not have, or one language twice', () => {
    const bad = publicationSchema.safeParse({
      ...config(),
      parallel: [
        ['fr', 'de'],
        ['ar', 'ar'],
      ],
    })
    assert.ok(!bad.success)
    assert.deepEqual(
      bad.error.issues.map((i) => [i.path.join('.'), i.message]),
      [
        ['parallel.0.1', '"de" is not a language of the publication (en, fr, ar, zh)'],
        ['parallel.1', 'a pair of two different languages'],
      ],
    )
  })
})
