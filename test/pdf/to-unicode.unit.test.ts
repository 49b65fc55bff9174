import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { plainSpaces } from '../../src/outputs/pdf/to-unicode.ts'

describe('ToUnicode maps: a no-break space copies as a space', () => {
  it('should map a no-break space glyph to U+0020, in a bfchar entry and inside a bfrange', () => {
    const cmap = [
      '2 beginbfchar',
      '<0003> <0020>',
      '<0062> <00A0>',
      'endbfchar',
      '2 beginbfrange',
      '<0010> <0012> <009F>',
      '<0020> <0021> [<00A0> <0041>]',
      'endbfrange',
    ].join('\n')
    assert.equal(
      plainSpaces(cmap),
      [
        '2 beginbfchar',
        '<0003> <0020>',
        '<0062> <0020>',
        'endbfchar',
        '2 beginbfrange',
        '<0010> <0012> [<009F> <0020> <00A1>]',
        '<0020> <0021> [<0020> <0041>]',
        'endbfrange',
      ].join('\n'),
    )
  })

  it('should leave a glyph numbered 0x00A0 (a source code, not a destination) as it is', () => {
    const cmap = '2 beginbfchar\n<009F> <5219>\n<00A0> <8C22>\nendbfchar\n1 beginbfrange\n<00A0> <00A1> <4E00>\nendbfrange'
    assert.equal(plainSpaces(cmap), undefined)
    const both = cmap.replace('<8C22>', '<00A0>')
    assert.equal(plainSpaces(both), both.replace('<00A0> <00A0>', '<00A0> <0020>'))
  })

  it('should leave a map with no no-break space as it is (and a narrow one, U+202F)', () => {
    assert.equal(plainSpaces('1 beginbfchar\n<0004> <202F>\nendbfchar\n1 beginbfrange\n<0005> <0006> <00A1>\nendbfrange'), undefined)
  })
})
