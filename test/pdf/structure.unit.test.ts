import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { markArtifacts } from '../../src/outputs/pdf/artifacts.ts'
import { flattenStructure } from '../../src/outputs/pdf/structure-tree.ts'
import { folioStyle, pageNumberContent } from '../../src/outputs/pdf/page-css.ts'

describe('PDF structure post-processing and folios', () => {
  it('should mark unmarked text and painted paths as artifacts, and leave tagged content and clipping paths alone', () => {
    const stream = [
      'q 0 0 10 10 re W* n',
      'BT /F1 8 Tf (Page 1 \\(of 2\\)) Tj ET',
      '/P <</MCID 0 >>BDC BT <0041> Tj ET EMC',
      '1 1 2 1 re f',
      'BT /ReversedChars BMC /Span<</ActualText <feff0627> >> BDC <01> Tj EMC EMC ET Q',
    ].join('\n')
    const { content, count } = markArtifacts(stream)
    assert.equal(count, 3)
    assert.equal(
      content,
      [
        'q 0 0 10 10 re W* n',
        '/Artifact <</Type /Pagination>> BDC\nBT /F1 8 Tf (Page 1 \\(of 2\\)) Tj ET\nEMC',
        '/P <</MCID 0 >>BDC BT <0041> Tj ET EMC',
        '/Artifact <</Type /Layout>> BDC\n1 1 2 1 re f\nEMC',
        '/Artifact <</Type /Pagination>> BDC\nBT /ReversedChars BMC /Span<</ActualText <feff0627> >> BDC <01> Tj EMC EMC ET\nEMC Q',
      ].join('\n'),
    )
    assert.equal(markArtifacts('BI /W 1 /H 1 ID x EI BT ET').count, 0, 'a stream with an inline image is left alone')
  })

  it('should dissolve generic wrappers into their parent, give list items an LBody and move the parent tree along', () => {
    const element = (s: string, p: string, k: unknown, extra = {}) => ({
      value: { '/Type': '/StructElem', '/S': s, '/P': p, '/K': k, ...extra },
    })
    const objects = {
      'obj:1 0 R': { value: { '/Type': '/Catalog', '/StructTreeRoot': '2 0 R' } },
      'obj:2 0 R': { value: { '/Type': '/StructTreeRoot', '/K': '3 0 R', '/ParentTree': '9 0 R' } },
      'obj:3 0 R': element('/Document', '2 0 R', ['4 0 R']),
      'obj:4 0 R': element('/NonStruct', '3 0 R', ['5 0 R', '6 0 R']),
      'obj:5 0 R': element('/P', '4 0 R', ['7 0 R']),
      'obj:7 0 R': element('/NonStruct', '5 0 R', 0, { '/Pg': '20 0 R' }),
      'obj:6 0 R': element('/L', '4 0 R', ['8 0 R']),
      'obj:8 0 R': element('/LI', '6 0 R', ['10 0 R']),
      'obj:10 0 R': element('/NonStruct', '8 0 R', 1, { '/Pg': '20 0 R' }),
      'obj:9 0 R': { value: { '/Nums': [0, '11 0 R'] } },
      'obj:11 0 R': { value: ['7 0 R', '10 0 R'] },
      'obj:20 0 R': { value: { '/Type': '/Page', '/StructParents': 0 } },
    }
    const result = flattenStructure(objects, objects['obj:1 0 R'].value, 30)!
    const value = (ref: string) => result.updates[`obj:${ref}`]?.value as Record<string, unknown>
    assert.deepEqual(value('3 0 R')['/K'], ['5 0 R', '6 0 R'])
    assert.deepEqual(value('5 0 R')['/K'], [{ '/Type': '/MCR', '/Pg': '20 0 R', '/MCID': 0 }])
    assert.equal(value('5 0 R')['/P'], '3 0 R')
    assert.deepEqual(value('8 0 R')['/K'], ['30 0 R'])
    assert.equal(value('30 0 R')['/S'], '/LBody')
    assert.deepEqual(value('11 0 R'), ['5 0 R', '30 0 R'])
    assert.deepEqual(result.generic, { before: 3, after: 0 })
  })

  it('should write folios in the digits a language writes numbers with', () => {
    assert.equal(folioStyle('en'), 'decimal')
    assert.equal(folioStyle('fa'), 'persian')
    assert.equal(pageNumberContent('Page {{page}} of {{total}}', 'fa'), '"Page " counter(page, persian) " of " counter(pages, persian)')
  })
})
