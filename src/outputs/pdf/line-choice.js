// @ts-check
// Runs inside the print page before line-breaks.js (see render.ts `injectPaginator`): the choice of a justified
// paragraph's line breaks, once its break opportunities are measured. Plain browser JavaScript, checked by tsc.
;(() => {
  'use strict'
  /** A word gap may stretch to (nearly) twice the font's space before its line counts as loose (test/pdf/print-quality.ts). */
  const LOOSE = 0.9
  /** Past this share of its gaps' room, a line's characters take letter-spacing (up to line-breaks.js's TRACK). */
  const EASY = 0.5

  /**
   * Knuth and Plass's total-fit over the breaks (line-breaks.js `Break`, `Plan`): the breaks with the least total
   * demerits (stretched gaps, hyphens, two hyphens in a row, a hyphen on the last full line, a one-word last line).
   * @param {PpBreak[]} breaks @param {number} available @param {number} indent @param {number} trackMax px a character may
   * take @returns {PpPlan | null}
   */
  window.ppChooseLines = function chooseLines(breaks, available, indent, trackMax) {
    const n = breaks.length
    // best[k]: the least demerits of the lines up to one ending at break k.
    const best = new Float64Array(n).fill(Infinity)
    const from = new Int32Array(n).fill(-2)
    const lines = new Int32Array(n)
    const track = new Float64Array(n)
    /** Where a line after break i (-1: the paragraph's start) begins. @param {number} i */
    const begin = (i) => {
      const b = breaks[i]
      if (!b) return { x: 0, glues: 0, space: 0, count: 0 }
      return b.kind === 'glue'
        ? { x: b.after, glues: b.glues + 1, space: b.space + b.room, count: b.count + 1 }
        : { x: b.before, glues: b.glues, space: b.space, count: b.count }
    }
    for (let j = 0; j < n; j++) {
      const end = /** @type {PpBreak} */ (breaks[j])
      const last = j === n - 1
      for (let i = j - 1; i >= -1; i--) {
        if (i >= 0 && best[i] === Infinity) continue
        const s = begin(i)
        const measure = available - (i < 0 ? indent : 0)
        const natural = end.before - s.x + end.width
        if (natural > measure) break
        const gaps = end.glues - s.glues
        const extra = measure - natural
        let badness = 0
        let spacing = 0
        if (last)
          badness = gaps === 0 && i >= 0 ? 40 : 0 // a one-word last line
        else if (gaps === 0) badness = extra > 1 ? 1e4 : 0
        else {
          const room = end.space - s.space
          // Past half the gaps' room, the line's characters take letter-spacing (each gap's space with them).
          const chars = end.count - s.count + (end.kind === 'shy' ? 1 : 0)
          if (extra > EASY * room && chars > gaps) spacing = Math.min(trackMax, (extra - EASY * room) / (chars - gaps))
          const r = (extra - (chars - gaps) * spacing) / room
          badness = 100 * r * r * r + (r > LOOSE ? 1e3 : 0) + (trackMax > 0 ? 20 * (spacing / trackMax) ** 2 : 0)
        }
        let demerits = (1 + badness) ** 2
        const previous = breaks[i]
        if (end.kind === 'shy') demerits += 50 ** 2
        if (end.kind === 'dash') demerits += 30 ** 2
        if (previous && previous.kind !== 'glue' && !last && end.kind !== 'glue') demerits += 3000
        if (last && previous && previous.kind !== 'glue') demerits += 2000
        const sum = (i >= 0 ? /** @type {number} */ (best[i]) : 0) + demerits
        if (sum < /** @type {number} */ (best[j])) {
          best[j] = sum
          from[j] = i
          lines[j] = (i >= 0 ? /** @type {number} */ (lines[i]) : 0) + 1
          track[j] = spacing
        }
      }
    }
    if (best[n - 1] === Infinity) return null
    const chosen = []
    for (let k = /** @type {number} */ (from[n - 1]); k >= 0; k = /** @type {number} */ (from[k])) chosen.unshift(k)
    return { breaks, chosen, lines: /** @type {number} */ (lines[n - 1]), track: chosen.map((k) => /** @type {number} */ (track[k])) }
  }
})()
