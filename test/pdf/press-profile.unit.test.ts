import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { pressOptions } from '../../src/outputs/pdf/index.ts'
import { cropMarks } from '../../src/outputs/pdf/press-profile.ts'
import { xmpPacket } from '../../src/outputs/pdf/xmp.ts'

describe('the press profile and the XMP packet', () => {
  it('should read the bleed in mm or pt, and write press files only when set or asked for', () => {
    assert.ok(Math.abs(pressOptions({ bleed: '3mm', marks: 'crop' })!.bleed - 8.504) < 0.001)
    assert.equal(pressOptions({ bleed: '9pt', marks: 'none' })!.bleed, 9)
    assert.equal(pressOptions({ marks: 'crop' }), undefined)
    assert.ok(Math.abs(pressOptions({ marks: 'crop' }, true)!.bleed - 8.504) < 0.001)
  })

  it('should draw eight crop-mark lines, all outside the bleed, as an Artifact', () => {
    const marks = cropMarks([0, 0, 595, 842], 8.5)
    assert.match(marks, /^\/Artifact BMC\n/)
    const lines = [...marks.matchAll(/([-\d.]+) ([-\d.]+) m ([-\d.]+) ([-\d.]+) l S/g)].map((m) => m.slice(1).map(Number))
    assert.equal(lines.length, 8)
    for (const [x1, y1, x2, y2] of lines) {
      for (const [x, y] of [
        [x1!, y1!],
        [x2!, y2!],
      ]) {
        const outside = x! < -8.5 || y! < -8.5 || x! > 603.5 || y! > 850.5
        assert.ok(outside, `mark point ${x},${y} inside the bleed box`)
      }
    }
  })

  it('should escape the metadata and give the title in the edition language too', () => {
    const xmp = xmpPacket({
      title: 'A <b> & "c"',
      author: 'Council',
      creator: 'Polyglot Press',
      producer: 'qpdf',
      language: 'fr',
      date: new Date(1571529600 * 1000),
    })
    assert.match(xmp, /<rdf:li xml:lang="fr">A &lt;b&gt; &amp; &quot;c&quot;<\/rdf:li>/)
    assert.match(xmp, /<xmp:CreateDate>2019-10-20T00:00:00Z<\/xmp:CreateDate>/)
    assert.doesNotMatch(xmp, /dc:rights|dc:description/)
  })
})
