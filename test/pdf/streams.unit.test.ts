import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { deflateSync, inflateSync } from 'node:zlib'
import { streamUpdates } from '../../src/outputs/pdf/streams.ts'

const base64 = (data: Buffer | string): string => Buffer.from(data).toString('base64')
const upper = (text: string): string | undefined => (text.includes('BT') ? text.toUpperCase() : undefined)

describe('PDF stream edits from the one qpdf reading', () => {
  it('should inflate plain Flate streams here, edit them and give them back Flate-compressed, unchanged ones left out', async () => {
    const objects = {
      'obj:1 0 R': { stream: { dict: { '/Filter': '/FlateDecode', '/Length': 9 }, data: base64(deflateSync('BT (a) Tj ET')) } },
      'obj:2 0 R': { stream: { dict: {}, data: base64('BT (b) Tj ET') } },
      'obj:3 0 R': { stream: { dict: { '/Filter': ['/FlateDecode'] }, data: base64(deflateSync('q Q')) } },
      'obj:4 0 R': { value: { '/Type': '/Page' } },
    }
    const read = (): Promise<{ stdout: string }> => assert.fail('no stream needs qpdf to decode it')
    const edits = new Map(['1 0 R', '2 0 R', '3 0 R', '4 0 R', '5 0 R'].map((ref) => [ref, upper]))
    const updates = await streamUpdates(objects, edits, 'in.pdf', read)
    assert.deepEqual(Object.keys(updates), ['obj:1 0 R', 'obj:2 0 R'])
    for (const [key, text] of [
      ['obj:1 0 R', 'BT (A) TJ ET'],
      ['obj:2 0 R', 'BT (B) TJ ET'],
    ] as const) {
      const { dict, data } = updates[key]!.stream
      assert.deepEqual(dict, { '/Filter': '/FlateDecode' })
      assert.equal(inflateSync(Buffer.from(data, 'base64')).toString('latin1'), text)
    }
  })

  it('should have qpdf decode a stream with any other filter, in one run, and leave one it cannot decode', async () => {
    const objects = {
      'obj:1 0 R': { stream: { dict: { '/Filter': '/ASCIIHexDecode' }, data: base64('42542045543e') } },
      'obj:2 0 R': { stream: { dict: { '/Filter': '/FlateDecode', '/DecodeParms': { '/Predictor': 12 } }, data: base64('x') } },
      'obj:3 0 R': { stream: { dict: { '/Filter': '/JBIG2Decode' }, data: base64('x') } },
    }
    const runs: string[][] = []
    const read = async (args: string[]): Promise<{ stdout: string }> => {
      runs.push(args)
      const stream = (dict: object, data?: string) => ({ stream: { dict, ...(data === undefined ? {} : { data: base64(data) }) } })
      const decoded = {
        'obj:1 0 R': stream({}, 'BT ET'),
        'obj:2 0 R': stream({}, 'BT x ET'),
        'obj:3 0 R': stream({ '/Filter': '/JBIG2Decode' }),
      }
      return { stdout: JSON.stringify({ qpdf: [{}, decoded] }) }
    }
    const edits = new Map(['1 0 R', '2 0 R', '3 0 R'].map((ref) => [ref, upper]))
    const updates = await streamUpdates(objects, edits, 'in.pdf', read)
    assert.equal(runs.length, 1)
    assert.deepEqual(
      runs[0]!.filter((arg) => arg.startsWith('--json-object=')),
      ['--json-object=1,0', '--json-object=2,0', '--json-object=3,0'],
    )
    assert.deepEqual(Object.keys(updates), ['obj:1 0 R', 'obj:2 0 R'])
    assert.equal(inflateSync(Buffer.from(updates['obj:2 0 R']!.stream.data, 'base64')).toString('latin1'), 'BT X ET')
  })
})
