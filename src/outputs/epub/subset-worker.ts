/** Worker thread of the font subsetter (subset.ts): subsets one font per message with HarfBuzz. */
import { parentPort } from 'node:worker_threads'
import subsetFont from 'subset-font'

export interface SubsetRequest {
  font: Uint8Array
  glyphs: string
}

parentPort?.on('message', (request: SubsetRequest) => {
  subsetFont(Buffer.from(request.font.buffer, request.font.byteOffset, request.font.byteLength), request.glyphs, { targetFormat: 'woff2' })
    .then((data) => {
      const bytes = new Uint8Array(data)
      parentPort!.postMessage({ ok: true, value: bytes }, [bytes.buffer])
    })
    .catch((error: unknown) => parentPort!.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) }))
})
