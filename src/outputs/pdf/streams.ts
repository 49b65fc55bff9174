/**
 * Streams edited by the post-processing (page contents, ToUnicode maps), as qpdf JSON updates. The streams come
 * from the one qpdf reading of the file (`--json-stream-data=inline --decode-level=none`: each stream's bytes as
 * written, with its /Filter): Chromium compresses every stream with plain Flate, which zlib undoes here, so no
 * second qpdf run decodes them. A stream with any other filter is read decoded by qpdf, as before.
 * An edited stream goes back Flate-compressed (zlib's default level, as qpdf's own): qpdf copies a Flate stream
 * as it is (it recompresses only with --recompress-flate), where unfiltered data was compressed by qpdf at each
 * of the two passes of --linearize, most of the cost of the writing.
 */
import { deflateSync, inflateSync } from 'node:zlib'
import * as z from 'zod'

type Read = (args: string[]) => Promise<{ stdout: string }>
type Edit = (data: string) => string | undefined
type Dict = Record<string, unknown>

const INFLATE_CHUNK = 1 << 20

/** A stream object of qpdf JSON v2 (with inline data: base64). */
const streamObject = z.object({ stream: z.object({ dict: z.record(z.string(), z.unknown()), data: z.string().optional() }) })
const streamJson = z.object({ qpdf: z.tuple([z.unknown(), z.record(z.string(), streamObject)]) })

export interface StreamUpdate {
  stream: { dict: Dict; data: string }
}

/** Plain Flate (no predictor), or no filter at all: what zlib decodes as well as qpdf. */
function plain(dict: Dict): 'flate' | 'none' | undefined {
  const filter = Array.isArray(dict['/Filter']) && dict['/Filter'].length === 1 ? dict['/Filter'][0] : dict['/Filter']
  if (filter === undefined) return 'none'
  return filter === '/FlateDecode' && dict['/DecodeParms'] === undefined ? 'flate' : undefined
}

/**
 * The streams of `edits` (by reference) changed by their functions (undefined: unchanged), from `objects` (qpdf
 * JSON v2 objects read with inline, undecoded stream data); streams with other filters are read decoded from
 * `input` with `read` (qpdf) in one run.
 */
export async function streamUpdates(
  objects: Record<string, unknown>,
  edits: Map<string, Edit>,
  input: string,
  read: Read,
): Promise<Record<string, StreamUpdate>> {
  const found = new Map<string, StreamUpdate>()
  // One stream at a time, decoded, edited and compressed again: only the compressed results are kept (a 100× PDF's
  // page contents, decoded, are hundreds of megabytes).
  const edit = (ref: string, dict: Dict, text: string): void => {
    const edited = edits.get(ref)!(text)
    if (edited === undefined) return
    const rest = Object.fromEntries(Object.entries(dict).filter(([name]) => !['/Filter', '/DecodeParms', '/Length'].includes(name)))
    const data = deflateSync(Buffer.from(edited, 'latin1')).toString('base64')
    found.set(ref, { stream: { dict: { ...rest, '/Filter': '/FlateDecode' }, data } })
  }
  const others: string[] = []
  for (const ref of edits.keys()) {
    const parsed = streamObject.safeParse(objects[`obj:${ref}`])
    if (!parsed.success) continue // not a stream: nothing to edit
    const { dict, data } = parsed.data.stream
    const kind = data === undefined ? undefined : plain(dict)
    if (kind === undefined) {
      others.push(ref)
      continue
    }
    const bytes = Buffer.from(data!, 'base64')
    // Synchronous, in chunks of 1 MB: zlib's asynchronous calls, 16 kB at a time, cost more than the inflating.
    edit(ref, dict, (kind === 'flate' ? inflateSync(bytes, { chunkSize: INFLATE_CHUNK }) : bytes).toString('latin1'))
  }
  if (others.length) {
    const objects = others.sort().map((ref) => `--json-object=${ref.replace(/ R$/, '').replace(' ', ',')}`)
    const args = ['--json=2', '--json-key=qpdf', '--json-stream-data=inline', '--decode-level=generalized', ...objects, input]
    const streams = streamJson.parse(JSON.parse((await read(args)).stdout)).qpdf[1]
    for (const [key, { stream }] of Object.entries(streams)) {
      // A filter qpdf could not undo either: the stream stays as it is.
      if (stream.dict['/Filter'] === undefined && stream.data !== undefined)
        edit(key.slice(4), stream.dict, Buffer.from(stream.data, 'base64').toString('latin1'))
    }
  }
  // In reference order, whatever order they were found in: the same inputs give the same JSON.
  const updates: Record<string, StreamUpdate> = {}
  for (const ref of [...found.keys()].sort()) updates[`obj:${ref}`] = found.get(ref)!
  return updates
}
