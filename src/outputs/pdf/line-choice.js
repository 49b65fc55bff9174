// @ts-check
// Runs inside the print page before line-breaks.js (see render.ts `injectPaginator`): the choice of a justified
// paragraph's line breaks, once its break opportunities are measured, and their fixing in its text. Plain browser
// JavaScript, checked by tsc.
;(() => {
  'use strict'
  /** A word gap may stretch to (nearly) twice the font's space before its line counts as loose (test/pdf/print-quality.ts). */
  const LOOSE = 0.9
  /** Past this share of its gaps' room, a line's characters take letter-spacing (up to line-breaks.js's TRACK). */
  const EASY = 0.5
  const SHY = '\u00AD'
  const NBSP = '\u00A0'

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
    // Where a line after break i begins (x, and the gaps, their room and the characters before it), computed once a
    // break, not once a candidate line: the inner loop below runs (breaks × breaks per line) times.
    const bx = new Float64Array(n)
    const bglues = new Float64Array(n)
    const bspace = new Float64Array(n)
    const bcount = new Float64Array(n)
    const bglue = new Uint8Array(n) // 1: a word gap
    for (let i = 0; i < n; i++) {
      const b = /** @type {PpBreak} */ (breaks[i])
      const glue = b.kind === 'glue'
      bglue[i] = glue ? 1 : 0
      bx[i] = glue ? b.after : b.before
      bglues[i] = glue ? b.glues + 1 : b.glues
      bspace[i] = glue ? b.space + b.room : b.space
      bcount[i] = glue ? b.count + 1 : b.count
    }
    for (let j = 0; j < n; j++) {
      const end = /** @type {PpBreak} */ (breaks[j])
      const last = j === n - 1
      const { before, width, glues, space, count, kind } = end
      const shy = kind === 'shy'
      for (let i = j - 1; i >= -1; i--) {
        if (i >= 0 && best[i] === Infinity) continue
        // (-1: the paragraph's start)
        const sx = i < 0 ? 0 : /** @type {number} */ (bx[i])
        const sglues = i < 0 ? 0 : /** @type {number} */ (bglues[i])
        const sspace = i < 0 ? 0 : /** @type {number} */ (bspace[i])
        const scount = i < 0 ? 0 : /** @type {number} */ (bcount[i])
        const measure = available - (i < 0 ? indent : 0)
        const natural = before - sx + width
        if (natural > measure) break
        const gaps = glues - sglues
        const extra = measure - natural
        let badness = 0
        let spacing = 0
        if (last)
          badness = gaps === 0 && i >= 0 ? 40 : 0 // a one-word last line
        else if (gaps === 0) badness = extra > 1 ? 1e4 : 0
        else {
          const room = space - sspace
          // Past half the gaps' room, the line's characters take letter-spacing (each gap's space with them).
          const chars = count - scount + (shy ? 1 : 0)
          if (extra > EASY * room && chars > gaps) spacing = Math.min(trackMax, (extra - EASY * room) / (chars - gaps))
          const r = (extra - (chars - gaps) * spacing) / room
          badness = 100 * r * r * r + (r > LOOSE ? 1e3 : 0) + (trackMax > 0 ? 20 * (spacing / trackMax) ** 2 : 0)
        }
        let demerits = (1 + badness) ** 2
        if (shy) demerits += 50 ** 2
        if (kind === 'dash') demerits += 30 ** 2
        const previousNotGlue = i >= 0 && bglue[i] === 0
        if (previousNotGlue && !last && kind !== 'glue') demerits += 3000
        if (last && previousNotGlue) demerits += 2000
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

  /**
   * Fix the planned lines in the text; returns what puts the paragraph back and where its lines end.
   * @param {HTMLElement} p @param {PpPlan} plan
   */
  window.ppApplyLines = function applyLines(p, plan) {
    const original = [...p.childNodes].map((n) => n.cloneNode(true))
    const chosen = new Set(plan.chosen)
    /** @type {Map<Text, Map<number, string>>} */
    const edits = new Map()
    for (const node of textNodes(p)) {
      const list = new Map()
      edits.set(node, list)
      // Every soft hyphen not taken goes (those after a hyphen, never break opportunities, included).
      for (let i = node.data.indexOf(SHY); i >= 0; i = node.data.indexOf(SHY, i + 1)) list.set(i, '')
    }
    /** @type {PpPlace[]} */
    const glued = []
    plan.breaks.forEach((b, k) => {
      const list = edits.get(b.at.node)
      if (b.at.offset < 0 || !list) return
      if (b.kind === 'glue') list.set(b.at.offset, chosen.has(k) ? ' ' : NBSP)
      else if (b.kind === 'shy') list.set(b.at.offset, chosen.has(k) ? '-' : '')
      else if (!chosen.has(k)) glued.push(b.at)
    })
    // Every other hyphen and dash (a break opportunity for Chromium) is kept whole too.
    const taken = places(plan.chosen.map((k) => /** @type {PpBreak} */ (plan.breaks[k]).at))
    for (const node of textNodes(p)) {
      for (const m of node.data.matchAll(/[-\u2010\u2013\u2014/]/g)) {
        const at = { node, offset: /** @type {number} */ (m.index) }
        if (!taken.get(node)?.has(at.offset)) glued.push(at)
      }
    }
    // How many characters of a text node before an offset go (its soft hyphens not taken), by binary search.
    /** @type {Map<Text, number[]>} */
    const gone = new Map()
    for (const [node, list] of edits)
      gone.set(
        node,
        [...list].flatMap(([offset, to]) => (to === '' ? [offset] : [])).sort((a, b) => a - b),
      )
    /** @param {PpPlace} place */
    const removedBefore = (place) => {
      const offsets = /** @type {number[]} */ (gone.get(place.node))
      let lo = 0
      let hi = offsets.length
      while (lo < hi) {
        const mid = (lo + hi) >> 1
        if (/** @type {number} */ (offsets[mid]) < place.offset) lo = mid + 1
        else hi = mid
      }
      return lo
    }
    /** @type {Map<Text, number[]>} */
    const spans = new Map()
    for (const [node, offsets] of places(glued))
      spans.set(
        node,
        [...offsets].map((offset) => offset - removedBefore({ node, offset })),
      )
    for (const [node, list] of edits) if (list.size > 0) node.data = edited(node.data, list)
    // Where each line ends in the paragraph's text, once the soft hyphens are gone.
    let at = 0
    const starts = new Map(textNodes(p).map((node) => [node, ((at += node.data.length), at - node.data.length)]))
    const ends = plan.chosen.map((k) => {
      const b = /** @type {PpBreak} */ (plan.breaks[k])
      return (starts.get(b.at.node) ?? 0) + b.at.offset - removedBefore(b.at)
    })
    // A hyphen or dash inside a line: it and the letters on either side go into one no-wrap span (the last first).
    for (const [node, offsets] of spans) {
      for (const offset of offsets.sort((a, b) => b - a)) {
        if (offset < 1 || offset + 2 > node.data.length) continue
        const word = node.splitText(offset - 1)
        word.splitText(3)
        const span = document.createElement('span')
        span.className = 'pp-nowrap'
        word.replaceWith(span)
        span.append(word)
      }
    }
    // A hyphen taken is a break opportunity, also after two letters (Chromium allows none there by itself).
    plan.chosen.forEach((k, x) => {
      if (plan.breaks[k]?.kind !== 'shy') return
      const place = placeOf(p, /** @type {number} */ (ends[x]) + 1)
      if (place) place.node.splitText(place.offset).before(document.createElement('wbr'))
    })
    // The letter-spacing of each line that takes some: its text, from the last line's start, in spans.
    ends.forEach((end, x) => {
      const spacing = plan.track[x] ?? 0
      if (spacing > 0.01) track(p, x === 0 ? 0 : /** @type {number} */ (ends[x - 1]) + 1, end + 1, spacing)
    })
    p.classList.add('pp-set')
    return { original, ends }
  }

  /**
   * Places by text node, each once, in the order they first come. @param {PpPlace[]} list @returns {Map<Text, Set<number>>}
   */
  function places(list) {
    const out = new Map()
    for (const { node, offset } of list) {
      const set = out.get(node)
      if (set) set.add(offset)
      else out.set(node, new Set([offset]))
    }
    return out
  }

  /**
   * A text with characters replaced (an edit's offset is a character's index; '' removes it). A text holding no
   * surrogate is edited by slices; one that does is edited as before, code point by code point (its offsets then count
   * code points: a text with astral characters keeps the lines it always had).
   * @param {string} data @param {Map<number, string>} list
   */
  function edited(data, list) {
    if (/[\uD800-\uDFFF]/.test(data)) return [...data].map((c, i) => list.get(i) ?? c).join('')
    let out = ''
    let from = 0
    for (const offset of [...list.keys()].sort((a, b) => a - b)) {
      if (offset >= data.length) break
      out += data.slice(from, offset) + list.get(offset)
      from = offset + 1
    }
    return out + data.slice(from)
  }

  /**
   * Letter-space the characters from `from` to `to` (indices in the paragraph's text) by `px`: each text node's part in
   * its own span, inside the elements it sits in. @param {HTMLElement} p @param {number} from @param {number} to @param {number} px
   */
  function track(p, from, to, px) {
    let at = 0
    for (const node of textNodes(p)) {
      const start = at
      at += node.data.length
      const a = Math.max(from, start) - start
      const b = Math.min(to, at) - start
      if (b <= a) continue
      let part = node
      if (a > 0) part = part.splitText(a)
      if (b - a < part.data.length) part.splitText(b - a)
      const span = document.createElement('span')
      span.className = 'pp-track'
      span.style.letterSpacing = `${px.toFixed(3)}px`
      part.replaceWith(span)
      span.append(part)
    }
  }

  /** The text node and offset of a character of a paragraph's text. @param {HTMLElement} p @param {number} index */
  function placeOf(p, index) {
    for (const node of textNodes(p)) {
      if (index < node.data.length) return { node, offset: index }
      index -= node.data.length
    }
    return null
  }

  /** @param {Node} root @returns {Text[]} */
  function textNodes(root) {
    const out = /** @type {Text[]} */ ([])
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
    for (let n = walker.nextNode(); n; n = walker.nextNode()) out.push(/** @type {Text} */ (n))
    return out
  }
})()
