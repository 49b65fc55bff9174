// @ts-check
// Runs inside the print page, injected with src/outputs/pdf/paginator.js (see render.ts `paginate`), which calls
// `window.ppSetLines()` before pagination. Plain browser JavaScript, checked by tsc.
;(() => {
  'use strict'
  const RANGE = document.createRange() // one Range for every measurement, as in soft-hyphens.js (why: see there)
  const SHY = '\u00AD'
  const NBSP = '\u00A0'
  /**
   * Letter-spacing a justified line may take, in em, when its word gaps would stretch past half their room: at most
   * 0.02em (about 8% of a space), the tracking a book typesetter allows a tight measure (Chromium then sets the line
   * without optional ligatures). It absorbs what the few gaps of a narrow column could not.
   */
  const TRACK = 0.02
  /**
   * Optimal line breaks for justified paragraphs (Knuth and Plass's total-fit, as TeX breaks paragraphs): Chromium
   * breaks lines greedily, one at a time, and a narrow measure then leaves loose lines whose word gaps grow to three
   * times a space. Each justified, left-to-right, non-CJK paragraph of the flow is measured as set flush left; its
   * breaks (at spaces, soft hyphens and after hyphens and dashes) are chosen for the least total demerits: stretched
   * gaps, hyphens, two hyphens in a row, a hyphen on the last full line, a one-word last line. The lines are then fixed
   * in the text: a space inside a line becomes a no-break space (still a justified gap, extracted as a space), a soft
   * hyphen taken becomes a hyphen, the others go, and a hyphen or dash inside a line is kept whole by a no-wrap span,
   * so Chromium's own breaking can only find the chosen lines. A line whose gaps would stretch past half their room
   * takes a little letter-spacing (TRACK). A paragraph whose lines come out otherwise is put back.
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
    const spaced = (/** @type {HTMLElement} */ p) => textNodes(p).filter((t) => /[ \n\t]/.test(t.data))
    const widths = probeWidths(
      paragraphs.map((p) => [[p, '-'], ...spaced(p).map((t) => /** @type {Probe} */ ([t.parentElement ?? p, NBSP]))]),
    )
    // Measuring a piece of a one-line text costs time in proportion to the text node's length: while the lines are
    // planned, each text node is cut at its break opportunities (before a space or soft hyphen, after a dash).
    const pieces = new Map()
    for (const p of paragraphs) cutAtBreaks(p, pieces)
    const plans = paragraphs.map((p) => ({ p, plan: plan(p, widths) }))
    source.classList.remove('pp-flush')
    joinPieces(pieces)
    for (const { plan } of plans) for (const b of plan?.breaks ?? []) b.at = whole(b.at, pieces)
    // Every paragraph's lines are fixed, then read (one layout), and those set otherwise are put back.
    const set = plans.flatMap(({ p, plan }) => (plan ? [{ p, plan, ...apply(p, plan) }] : []))
    const failed = set.filter(({ p, plan, ends }) => lineCount(p) !== plan.lines || !ends.every((end) => lineBreaksAt(p, end)))
    for (const { p, original } of failed) {
      p.replaceChildren(...original)
      p.classList.remove('pp-set')
    }
    source.classList.remove('pp-measuring')
  }

  /**
   * Cut the text nodes of `p` at their break opportunities; `pieces` maps each piece to its text node and offset there.
   * @typedef {Map<Text, { node: Text, offset: number }>} Pieces
   * @param {HTMLElement} p @param {Pieces} pieces
   */
  function cutAtBreaks(p, pieces) {
    for (const node of textNodes(p)) {
      pieces.set(node, { node, offset: 0 })
      let piece = node
      let at = 0
      for (const m of node.data.matchAll(/(?=[ \n\t\u00AD])|(?<=[-\u2010\u2013\u2014])/g)) {
        const cut = /** @type {number} */ (m.index)
        if (cut <= at || cut >= at + piece.data.length) continue
        piece = piece.splitText(cut - at)
        at = cut
        pieces.set(piece, { node, offset: at })
      }
    }
  }

  /** Join the pieces into their text nodes again. @param {Pieces} pieces */
  function joinPieces(pieces) {
    for (const [piece, { node }] of pieces) if (piece !== node) (node.appendData(piece.data), piece.remove())
  }

  /** A place in a piece as a place in its whole text node. @param {Place} at @param {Pieces} pieces @returns {Place} */
  function whole(at, pieces) {
    const from = pieces.get(at.node)
    if (!from) return at
    return { node: from.node, offset: at.offset < 0 ? at.offset : from.offset + at.offset }
  }

  /**
   * The widths of probes (a text at the end of an element, as probeWidth measures it), a list per paragraph: the k-th
   * probe of every paragraph at once, so each is measured alone in its paragraph, one layout a round (not two a probe).
   * @typedef {[Element, string]} Probe
   * @param {Probe[][]} lists @returns {Map<Element, Map<string, number>>}
   */
  function probeWidths(lists) {
    const distinct = lists.map((list) => list.filter(([el, text], i) => list.findIndex(([e, t]) => e === el && t === text) === i))
    const widths = new Map()
    for (let k = 0; distinct.some((list) => k < list.length); k++) {
      const round = distinct.flatMap((list) => list.slice(k, k + 1))
      const probes = round.map(([el, text]) => el.appendChild(probe(text)))
      round.forEach(([el, text], i) =>
        widths.set(el, (widths.get(el) ?? new Map()).set(text, /** @type {HTMLElement} */ (probes[i]).getBoundingClientRect().width)),
      )
      for (const probe of probes) probe.remove()
    }
    return widths
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
   * a line that starts after it begins; `glues` counts the word gaps before it, `space` their room to stretch (`room`: its own, for a gap),
   * `count` the characters before it (each takes its line's letter-spacing). A plan's `track` is each chosen line's letter-spacing (px).
   * (Their types are in paginator-globals.d.ts, shared with line-choice.js.)
   * @typedef {PpPlace} Place
   * @typedef {PpBreak} Break
   * @typedef {PpPlan} Plan
   */

  /** @param {HTMLElement} p @param {Map<Element, Map<string, number>>} widths @returns {Plan | null} */
  function plan(p, widths) {
    const texts = textNodes(p)
    if (texts.length === 0) return null
    const range = RANGE
    /** @param {Place} from @param {Text} node @param {number} to */
    const width = (from, node, to) => {
      // Text by text node: a range over a whole element would count its box as well as its text's.
      let sum = 0
      for (let t = texts.indexOf(from.node); t >= 0 && t < texts.length; t++) {
        const text = /** @type {Text} */ (texts[t])
        const [a, b] = [text === from.node ? from.offset : 0, text === node ? to : text.data.length]
        if (b > a) {
          range.setStart(text, a)
          range.setEnd(text, b)
          sum += [...range.getClientRects()].reduce((w, r) => w + r.width, 0)
        }
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
    const hyphen = widths.get(p)?.get('-') ?? probeWidth(p, '-')
    // A space measured at a line's end is hung (no width): a gap is the no-break space it becomes, in its element's font.
    // Its room is how far it may stretch before the line is loose: to twice the font's space, the word spacing aside.
    const spaces = new Map()
    /** @param {Element} el @returns {{ w: number, room: number }} */
    const spaceIn = (el) => {
      if (!spaces.has(el)) {
        const glyph = widths.get(el)?.get(NBSP) ?? probeWidth(el, NBSP)
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
    let count = 0
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
        if (c !== SHY && !(white && collapsed)) count++
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
          count: white ? count - 1 : count,
        })
        total += w
        if (white) (glues++, (space += room))
      }
    })
    const last = /** @type {Text} */ (texts.at(-1))
    if (start) total += width(start, last, last.data.length)
    // The paragraph's end: a break that must be taken (a trailing space is no gap).
    if (breaks.at(-1)?.kind === 'glue' && breaks.at(-1)?.after === total) breaks.pop()
    breaks.push({ kind: 'glue', at: { node: last, offset: -1 }, width: 0, before: total, after: total, glues, space, room: 0, count })
    if (breaks.length < 2 || total <= available - indent) return null
    return window.ppChooseLines(breaks, available, indent, TRACK * (parseFloat(style.fontSize) || 0))
  }

  /**
   * Fix the planned lines in the text; returns what puts the paragraph back and where its lines end.
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
    // The letter-spacing of each line that takes some: its text, from the last line's start, in spans.
    ends.forEach((end, x) => {
      const spacing = plan.track[x] ?? 0
      if (spacing > 0.01) track(p, x === 0 ? 0 : /** @type {number} */ (ends[x - 1]) + 1, end + 1, spacing)
    })
    p.classList.add('pp-set')
    return { original, ends }
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

  /** @param {Element} p @param {string} text */
  function probeWidth(p, text) {
    const span = p.appendChild(probe(text))
    const width = span.getBoundingClientRect().width
    span.remove()
    return width
  }

  /** @param {string} text */
  function probe(text) {
    const span = document.createElement('span')
    span.style.wordSpacing = '0'
    span.textContent = text
    return span
  }

  /** @param {Node} root @returns {Text[]} */
  function textNodes(root) {
    const out = /** @type {Text[]} */ ([])
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
    for (let n = walker.nextNode(); n; n = walker.nextNode()) out.push(/** @type {Text} */ (n))
    return out
  }
})()
