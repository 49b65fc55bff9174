import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, it } from 'node:test'
import { checkPair, type Finding } from '../../src/qa/index.ts'
import { findNumbers } from '../../src/qa/number-parse.ts'
import { publicationId, repoRoot, targets } from '../helpers/project.ts'

const pair = (source: string, target: string, targetLanguage = 'fr', sourceLanguage = 'en'): Finding[] =>
  checkPair({ source, target, sourceLanguage, targetLanguage })
const rules = (findings: Finding[], level?: 'error' | 'warning'): string[] =>
  findings.filter((f) => !level || f.level === level).map((f) => f.rule)
const values = (text: string, language: string): number[] => findNumbers(text, language).tokens.map((t) => t.value)

describe('translation QA checks', () => {
  it('should read "4.5 billion" the same in every language', () => {
    for (const [text, language] of [
      ['4.5 billion', 'en'],
      ['45亿', 'zh'],
      ['4,5 milliards', 'fr'],
      ['4,5 млрд', 'ru'],
      ['4.5 مليارات', 'ar'],
      ['٤٫٥ مليار', 'ar'],
      ['4500 millones', 'es'],
    ] as const) {
      assert.deepEqual(values(text, language), [4.5e9], `${text} (${language})`)
    }
  })

  it('should read thousands separators and decimal commas by language', () => {
    assert.deepEqual(values('1,500', 'en'), [1500])
    assert.deepEqual(values('1\u202f500', 'fr'), [1500])
    assert.deepEqual(values('1 500', 'ru'), [1500])
    assert.deepEqual(values('1500', 'es'), [1500])
    assert.deepEqual(values('58.4%', 'en'), [58.4])
    assert.deepEqual(values('58,4 %', 'fr'), [58.4])
    assert.deepEqual(values('2019, 4,5', 'fr'), [2019, 4.5])
  })

  it('should accept month names and Chinese numerals for numbers in digits on the other side', () => {
    assert.deepEqual(pair('From October 20 to 22, 2019, the 6th conference.', '2019年10月20日至22日，第六届大会。', 'zh'), [])
  })

  it('should report a changed number as an error and a number only spelled out as a warning', () => {
    assert.deepEqual(rules(pair('More than 1,500 delegates from 83 countries.', 'Plus de 1 600 délégués de 83 pays.'), 'error'), [
      'numbers',
    ])
    const words = pair('The 6th World Internet Conference.', 'La sexta Conferencia Mundial de Internet.', 'es')
    assert.deepEqual(rules(words), ['numbers'])
    assert.equal(words[0]!.level, 'warning')
  })

  it('should tolerate reordered footnotes and report a missing one', () => {
    assert.deepEqual(pair('A[^1] and B[^2].', 'B[^2] et A[^1].'), [])
    const missing = pair('A[^1] and B[^2].', 'A et B[^2].')
    assert.deepEqual(rules(missing, 'error'), ['footnotes'])
    assert.match(missing[0]!.message, /\[\^1\]/)
  })

  it('should report a changed or missing link', () => {
    assert.deepEqual(
      pair('See <https://example.org/a/> and [b](https://example.org/b).', 'Voir [b](https://example.org/b) et <https://example.org/a>.'),
      [],
    )
    assert.deepEqual(rules(pair('See [b](https://example.org/b).', 'Voir [b](https://example.org/c).'), 'error'), ['links', 'links'])
  })

  it('should report unbalanced markup and raw HTML', () => {
    assert.deepEqual(pair('A *very* important `code` point.', 'Un point *très* important `code`.'), [])
    assert.ok(rules(pair('A *very* important point.', 'Un point *très important.'), 'error').includes('markup'))
    assert.ok(rules(pair('A `code` span here.', 'Un `code span ici.'), 'error').includes('markup'))
    assert.ok(rules(pair('Plain text here.', 'Texte <script>alert(1)</script> ici.'), 'error').includes('markup'))
  })

  it('should report a translation much shorter than the language pair makes', () => {
    const source =
      'Emerging technologies such as artificial intelligence, Internet of Things, big data, cloud computing, and blockchain ' +
      'are becoming far more integrated to spark new development opportunities ' +
      'which drive economies and societies to achieve a new stage.'
    assert.deepEqual(rules(pair(source, 'Les technologies émergentes.'), 'error'), ['length-ratio'])
    // The same length in Chinese is normal: zh is about a quarter of en.
    assert.deepEqual(
      rules(
        pair(source, '人工智能、物联网、大数据、云计算、区块链等新兴技术加速融合，催生新的发展机遇，推动经济社会实现跨越式发展。', 'zh'),
      ),
      [],
    )
  })

  it('should report an untranslated block and stray invisible characters', () => {
    const text = 'The penetration of global mobile and fixed broadband networks is on the rise.'
    assert.deepEqual(rules(pair(text, text), 'error'), ['untranslated'])
    assert.deepEqual(pair('<https://example.org/>', '<https://example.org/>'), [])
    assert.deepEqual(rules(pair('Text here.', 'Texte\u202e ici.'), 'error'), ['invisible-characters'])
    assert.deepEqual(rules(pair('Text here.', 'Texte\u200b ici.'), 'error'), ['invisible-characters'])
    assert.deepEqual(pair('Text here.', 'نص\u200c هنا.', 'ar'), [])
  })

  it('should find no error in the bundled translations', () => {
    for (const language of targets) {
      const file = JSON.parse(readFileSync(join(repoRoot, 'translations', language, `${publicationId}.json`), 'utf8')) as {
        entries: Record<string, { source: string; text: string }>
      }
      for (const [id, entry] of Object.entries(file.entries)) {
        const errors = checkPair({ source: entry.source, target: entry.text, sourceLanguage: 'en', targetLanguage: language }).filter(
          (f) => f.level === 'error',
        )
        assert.deepEqual(errors, [], `${language} ${id}`)
      }
    }
  })
})
