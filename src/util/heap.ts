/**
 * How far V8 lets the heap grow between full collections, for a large publication. On a machine with memory to
 * spare V8 lets the old generation grow to four times what survived the last full collection before the next
 * one: the 100× build keeps about 250 MB alive (the editions, the print documents in progress) and its outputs
 * make garbage fast (pages, serialized documents, Chromium's and qpdf's answers), so its heap reached 1 GB,
 * three quarters of it garbage. One and a half times what survived (V8's own factor is 1.3 to 2 on machines with
 * little memory) bounds that; a small publication never grows its heap that far, so its build is unchanged (it
 * does not call this).
 */
import { setFlagsFromString } from 'node:v8'

/** Characters of source text from which a build bounds its heap's growth (the bundled publication has 48,000). */
export const LARGE_SOURCE = 1_000_000

let bounded = false

/** Grow the heap to at most 1.5 times what survived each full collection (for the rest of the process). */
export function boundHeapGrowth(): void {
  if (bounded) return
  bounded = true
  setFlagsFromString('--heap-growing-percent=50')
}
