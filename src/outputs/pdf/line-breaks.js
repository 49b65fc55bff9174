// @ts-check
// Runs inside the print page, injected with src/outputs/pdf/paginator.js (see render.ts `paginate`), which calls
// `window.ppSetLines()` before pagination. Plain browser JavaScript, checked by tsc.
;(() => {
  'use strict'
  const RANGE = document.createRange() // one Range for every measurement, as in soft-hyphens.js (why: see there)
  const SHY = '\u00AD'
  const NBSP = '\u00A0'
  /** A word gap may stretch to (nearly) twice the font's space before its line counts as loose (test/pdf/print-quality.ts). */
  const LOOSE = 0.9
  /**
   * Optimal line breaks for justified paragraphs (Knuth and Plass's total-fit, as TeX breaks paragraphs): Chromium
   * breaks lines greedily, one at a time, and a narrow measure then leaves loose lines whose word gaps grow to three
   * times a space. Each justified, left-to-right, non-CJK paragraph of the flow is measured as set flush left; its
   * breaks (at spaces, soft hyphens and after hyphens and dashes) are chosen for the least total demerits: stretched
   * gaps, hyphens, two hyphens in a row, a hyphen on the last full line, a one-word last line. The lines are then fixed
   * in the text: a space inside a line becomes a no-break space (still a justified gap, extracted as a space), a soft
   * hyphen taken becomes a hyphen, the others go, and a hyphen or dash inside a line is kept whole by a no-wrap span,
   * so Chromium's own breaking can only find the chosen lines. A paragraph whose lines come out otherwise is put back.
   */
  window.ppSetLines = async function setLines() {
    await Promise.all([...document.fonts].map((face) => face.load().catch(() => undefined)))
    await document.fonts.ready
    const source = document.getElementById('pp-source')
    if (!source) return
    // The flow is laid out at the pages' width while it is measured (it is hidden otherwise), then set flush left.
    source.classList.add('pp-measuring')
    const paragraphs = /** @type {HTMLElement[]} */ ([...source.querySelectorAll('p')]).filter(settable)
    source.classList.add('pp-flush')
    probes.clear()
    const plans = paragraphs.map((p) => ({ p, plan: plan(p) }))
    source.classList.remove('pp-flush')
    // All paragraphs are set, then all checked, then the failed ones put back: one layout for the whole flow, not one
    // per paragraph (a paragraph's lines do not depend on the others'; the flow is one layout, a change anywhere in it
    // lays it out again).
    const set = plans.flatMap(({ p, plan }) => (plan ? [apply(p, plan)] : []))
    for (const { p, original } of set.filter(({ ok }) => !ok())) {
      p.replaceChildren(...original)
      p.classList.remove('pp-set')
    }
    source.classList.remove('pp-measuring')
  }

  /** @param {HTMLElement} p */
  function settable(p) {
    if (p.closest('#pp-note-source')) return false
    const style = getComputedStyle(p)
    const lang = p.closest('[lang]')?.getAttribute('lang') ?? ''
    if (style.textAlign !== 'justify' || style.direction !== 'ltr' || /^(zh|ja|ko)\b/i.test(lang)) return false
    // Only text and inline elements holding text (links, emphasis, note references): nothing atomic, no forced break.
    return [...p.querySelectorAll('*')].every(
      (el) => !/^(BR|IMG|svg|INPUT|WBR)$/.test(el.tagName) && getComputedStyle(el).display === 'inline',
    )
  }

  /**
   * A break opportunity: `before` is the natural width of the text before it (from the paragraph's start), `after` where
   * a line that starts after it begins; `glues` counts the word gaps before it, `space` their room to stretch (`room`: its own, for a gap).
   * @typedef {{ node: Text, offset: number }} Place
   * @typedef {{ kind: 'glue' | 'shy' | 'dash', at: Place, width: number, before: number, after: number }} Stop
   * @typedef {Stop & { glues: number, space: number, room: number }} Break
   * @typedef {{ breaks: Break[], chosen: number[], lines: number }} Plan
   */

  /** @param {HTMLElement} p @returns {Plan | null} */
  function plan(p) {
    const texts = textNodes(p)
    if (texts.length === 0) return null
    const range = RANGE
    /** @param {Place} from @param {Text} node @param {number} to */
    const width = (from, node, to) => {
      // Text by text node: a range over a whole element would count its box as well as its text's.
      let sum = 0
      for (let t = texts.indexOf(from.node); t >= 0 && t < texts.length; t++) {
        const text = /** @type {Text} */ (texts[t])
        range.setStart(text, text === from.node ? from.offset : 0)
        range.setEnd(text, text === node ? to : text.data.length)
        sum += [...range.getClientRects()].reduce((w, r) => w + r.width, 0)
        if (text === node) break
      }
      return sum
    }
    const style = getComputedStyle(p)
    const sides = ['paddingLeft', 'paddingRight', 'borderLeftWidth', 'borderRightWidth'].map(
      (k) => parseFloat(style.getPropertyValue(k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`))) || 0,
    )
    const available = p.getBoundingClientRect().width - sides.reduce((a, b) => a + b, 0) - 1
    const indent = parseFloat(style.textIndent) || 0
    const hyphen = probeWidth(p, '-')
    // A space measured at a line's end is hung (no width): a gap is the no-break space it becomes, in its element's font.
    // Its room is how far it may stretch before the line is loose: to twice the font's space, the word spacing aside.
    const spaces = new Map()
    /** @param {Element} el @returns {{ w: number, room: number }} */
    const spaceIn = (el) => {
      if (!spaces.has(el)) {
        const glyph = probeWidth(el, NBSP)
        const ws = parseFloat(getComputedStyle(el).wordSpacing) || 0
        spaces.set(el, { w: glyph + ws, room: glyph - ws })
      }
      return spaces.get(el)
    }
    const breaks = /** @type {Break[]} */ ([])
    let start = /** @type {Place | null} */ (null)
    let total = 0
    let glues = 0
    let space = 0
    let prev = ''
    texts.forEach((node, t) => {
      const data = node.data
      for (let i = 0; i < data.length; i++) {
        const c = data[i] ?? ''
        const next = data[i + 1] ?? texts[t + 1]?.data[0] ?? ''
        const white = /[ \n\t]/.test(c)
        const dash = /[-\u2010\u2013\u2014]/.test(c) && /\p{L}/u.test(prev) && /\p{L}/u.test(next)
        const kind = white ? 'glue' : c === SHY ? 'shy' : dash ? 'dash' : null
        const collapsed = white && (/[ \n\t]/.test(prev) || prev === '')
        if (c !== SHY) prev = c
        if (!kind) {
          start ??= { node, offset: i }
          continue
        }
        if (collapsed) continue
        if (start) total += width(start, node, kind === 'dash' ? i + 1 : i)
        start = null
        const { w, room } = white ? spaceIn(node.parentElement ?? p) : { w: 0, room: 0 }
        breaks.push({
          kind,
          at: { node, offset: i },
          width: kind === 'shy' ? hyphen : 0,
          before: total,
          after: total + w,
          glues,
          space,
          room,
        })
        total += w
        if (white) (glues++, (space += room))
      }
    })
    const last = /** @type {Text} */ (texts.at(-1))
    if (start) total += width(start, last, last.data.length)
    // The paragraph's end: a break that must be taken (a trailing space is no gap).
    if (breaks.at(-1)?.kind === 'glue' && breaks.at(-1)?.after === total) breaks.pop()
    breaks.push({ kind: 'glue', at: { node: last, offset: -1 }, width: 0, before: total, after: total, glues, space, room: 0 })
    if (breaks.length < 2 || total <= available - indent) return null
    return choose(breaks, available, indent)
  }

  /** @param {Break[]} breaks @param {number} available @param {number} indent @returns {Plan | null} */
  function choose(breaks, available, indent) {
    const n = breaks.length
    // best[k]: the least demerits of the lines up to one ending at break k.
    const best = new Float64Array(n).fill(Infinity)
    const from = new Int32Array(n).fill(-2)
    const lines = new Int32Array(n)
    /** Where a line after break i (-1: the paragraph's start) begins. @param {number} i */
    const begin = (i) => {
      const b = breaks[i]
      if (!b) return { x: 0, glues: 0, space: 0 }
      return b.kind === 'glue'
        ? { x: b.after, glues: b.glues + 1, space: b.space + b.room }
        : { x: b.before, glues: b.glues, space: b.space }
    }
    for (let j = 0; j < n; j++) {
      const end = /** @type {Break} */ (breaks[j])
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
        if (last)
          badness = gaps === 0 && i >= 0 ? 40 : 0 // a one-word last line
        else if (gaps === 0) badness = extra > 1 ? 1e4 : 0
        else {
          const r = extra / (end.space - s.space)
          badness = 100 * r * r * r + (r > LOOSE ? 1e3 : 0)
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
        }
      }
    }
    if (best[n - 1] === Infinity) return null
    const chosen = []
    for (let k = /** @type {number} */ (from[n - 1]); k >= 0; k = /** @type {number} */ (from[k])) chosen.unshift(k)
    return { breaks, chosen, lines: /** @type {number} */ (lines[n - 1]) }
  }

  /**
   * Fix the planned lines in the text; `ok()` tells whether Chromium sets them (else put `original` back).
   * @param {HTMLElement} p @param {Plan} plan
   */
  function apply(p, plan) {
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
    /** @type {Place[]} */
    const glued = []
    plan.breaks.forEach((b, k) => {
      const list = edits.get(b.at.node)
      if (b.at.offset < 0 || !list) return
      if (b.kind === 'glue') list.set(b.at.offset, chosen.has(k) ? ' ' : NBSP)
      else if (b.kind === 'shy') list.set(b.at.offset, chosen.has(k) ? '-' : '')
      else if (!chosen.has(k)) glued.push(b.at)
    })
    // Every other hyphen and dash (a break opportunity for Chromium) is kept whole too.
    for (const node of textNodes(p)) {
      for (const m of node.data.matchAll(/[-\u2010\u2013\u2014/]/g)) {
        const at = { node, offset: /** @type {number} */ (m.index) }
        if (!plan.breaks.some((b, k) => chosen.has(k) && b.at.node === node && b.at.offset === at.offset)) glued.push(at)
      }
    }
    /** @type {Map<Text, number[]>} */
    const spans = new Map()
    for (const at of glued.filter((g, i) => glued.findIndex((o) => o.node === g.node && o.offset === g.offset) === i)) {
      const list = /** @type {Map<number, string>} */ (edits.get(at.node))
      const removed = [...list].filter(([offset, to]) => offset < at.offset && to === '').length
      spans.set(at.node, [...(spans.get(at.node) ?? []), at.offset - removed])
    }
    for (const [node, list] of edits) if (list.size > 0) node.data = [...node.data].map((c, i) => list.get(i) ?? c).join('')
    // Where each line ends in the paragraph's text, once the soft hyphens are gone.
    let at = 0
    const starts = new Map(textNodes(p).map((node) => [node, ((at += node.data.length), at - node.data.length)]))
    const ends = plan.chosen.map((k) => {
      const b = /** @type {Break} */ (plan.breaks[k])
      const list = /** @type {Map<number, string>} */ (edits.get(b.at.node))
      const removed = [...list].filter(([offset, to]) => offset < b.at.offset && to === '').length
      return (starts.get(b.at.node) ?? 0) + b.at.offset - removed
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
    p.classList.add('pp-set')
    return { p, original, ok: () => lineCount(p) === plan.lines && ends.every((end) => lineBreaksAt(p, end)) }
  }

  /**
   * The character at `end` ends a line (a hyphen, or the word before a space) and the next one starts the next.
   * @param {HTMLElement} p @param {number} end
   */
  function lineBreaksAt(p, end) {
    /** @param {number} index */
    const box = (index) => {
      const place = placeOf(p, index)
      if (!place) return null
      const range = RANGE
      range.setStart(place.node, place.offset)
      range.setEnd(place.node, place.offset + 1)
      return range.getBoundingClientRect()
    }
    const before = box(p.textContent?.[end] === ' ' ? end - 1 : end)
    const after = box(end + 1)
    return before !== null && after !== null && after.top >= before.bottom - 2
  }

  /** The text node and offset of a character of a paragraph's text. @param {HTMLElement} p @param {number} index */
  function placeOf(p, index) {
    for (const node of textNodes(p)) {
      if (index < node.data.length) return { node, offset: index }
      index -= node.data.length
    }
    return null
  }

  /** Lines of a paragraph: its text's boxes grouped by vertical overlap. @param {HTMLElement} p */
  function lineCount(p) {
    const range = RANGE
    range.selectNodeContents(p)
    const rects = [...range.getClientRects()].filter((r) => r.width > 0 && r.height > 0).sort((a, b) => a.top - b.top)
    const lines = /** @type {{ top: number, bottom: number }[]} */ ([])
    for (const r of rects) {
      const line = lines.find((l) => Math.min(l.bottom, r.bottom) - Math.max(l.top, r.top) > 0.5 * Math.min(r.height, l.bottom - l.top))
      if (line) ((line.top = Math.min(line.top, r.top)), (line.bottom = Math.max(line.bottom, r.bottom)))
      else lines.push({ top: r.top, bottom: r.bottom })
    }
    return lines.length
  }

  // Probe widths by what sets the glyph: a probe is a change of the flow, which then has to be laid out again.
  const probes = new Map()
  const font = ['font', 'fontVariant', 'fontFeatureSettings', 'fontVariationSettings', 'fontKerning', 'letterSpacing', 'textRendering']
  /** The width of `text` set in `p`'s font, word spacing aside. @param {Element} p @param {string} text */
  function probeWidth(p, text) {
    const style = /** @type {Record<string, string>} */ (/** @type {unknown} */ (getComputedStyle(p)))
    const key = [text, p.closest('[lang]')?.getAttribute('lang') ?? '', ...font.map((k) => style[k])].join('|')
    if (!probes.has(key)) {
      const probe = document.createElement('span')
      probe.style.wordSpacing = '0'
      probe.textContent = text
      p.append(probe)
      probes.set(key, probe.getBoundingClientRect().width)
      probe.remove()
    }
    return probes.get(key)
  }

  /** @param {Node} root @returns {Text[]} */
  function textNodes(root) {
    const out = /** @type {Text[]} */ ([])
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
    for (let n = walker.nextNode(); n; n = walker.nextNode()) out.push(/** @type {Text} */ (n))
    return out
  }
})()
