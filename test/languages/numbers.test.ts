import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { findNumbers } from '../../src/qa/number-parse.ts'
import { press, read, write } from '../helpers/project.ts'
import { copyFixture, fixtureId } from './fixture.ts'

const values = (text: string, language: string): number[] => findNumbers(text, language).tokens.map((t) => t.value)

describe('numbers in any language', () => {
  it('should read scale words, separators and native digits per language', () => {
    const cases: [string, string, number[]][] = [
      ['en', '2.5 million people', [2.5e6]],
      ['ja', '250万人と3億円', [2.5e6, 3e8]],
      ['zh-Hant', '250萬人', [2.5e6]],
      ['ko', '250만 명', [2.5e6]],
      ['hi', '25 लाख और 3 करोड़', [2.5e6, 3e7]],
      ['hi', '२५ लाख, 25,00,000', [2.5e6, 2.5e6]],
      ['el', '2,5 εκατομμύρια και 4 δισεκατομμύρια', [2.5e6, 4e9]],
      ['de', '2,5 Millionen, 3 Mrd. und 1.500', [2.5e6, 3e9, 1500]],
      ['ru', '2,5 миллиона и 1 тысяча', [2.5e6, 1000]],
      ['es', '2,5 millones', [2.5e6]],
      ['fr', '1 500,5 et 4,5 milliards', [1500.5, 4.5e9]],
      ['th', '2.5 ล้านคน ๒๕', [2.5e6, 25]],
      ['he', '2.5 מיליון', [2.5e6]],
      ['ar', '٢٫٥ مليون', [2.5e6]],
      ['fa', '۲٫۵', [2.5]],
      ['bn', '২৫', [25]],
      ['pt-BR', '2,5 milhões', [2.5e6]],
      ['en', '2.5 millionaires', [2.5]],
    ]
    for (const [language, text, expected] of cases) assert.deepEqual(values(text, language), expected, `${language}: ${text}`)
  })

  it('should pass press check --strict on the fixture and fail on a wrong number in ja, hi and el', () => {
    const dir = copyFixture()
    const ok = press(dir, ['check', '--strict'])
    assert.equal(ok.status, 0, ok.stdout + ok.stderr)
    assert.doesNotMatch(ok.stdout, /\[numbers\]/)
    const wrong: Record<string, [string, string]> = {
      ja: ['250万人', '240万人'],
      hi: ['२५ लाख', '२४ लाख'],
      el: ['2,5 εκατομμύρια', '2,4 εκατομμύρια'],
    }
    for (const [language, [right, bad]] of Object.entries(wrong)) {
      const path = `translations/${language}/${fixtureId}.json`
      const original = read(dir, path)
      assert.ok(original.includes(right), `${language} fixture has ${right}`)
      write(dir, path, original.replace(right, bad))
      const run = press(dir, ['check', '--strict', '--lang', language])
      assert.equal(run.status, 1, `${language}: ${run.stdout}`)
      assert.match(
        run.stdout,
        new RegExp(`^${path}:\\d+:\\d+: \\[numbers\\] p-oeqibp: The number 2\\.5 \\(= 2,500,000\\) of the source is missing`, 'm'),
      )
      write(dir, path, original)
    }
  })
})
