// @ts-check
// Runs inside the print page, injected with src/outputs/pdf/paginator.js (see render.ts `paginate`), which calls
// `window.ppSetLines()` before pagination. Plain browser JavaScript, checked by tsc.
;(() => {
  'use strict'
  const RANGE = document.createRange() // one Range for every measurement, as in soft-hyphens.js (why: see there)
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
    // The pieces are joined and the lines fixed while the flow is hidden: with no layout objects to update, the
    // thousands of small DOM changes are cheap (each one on a laid-out paragraph costs as much as a short relayout).
    source.classList.remove('pp-flush', 'pp-measuring')
    void getComputedStyle(source).display // the style update that drops the flow's layout objects
    joinPieces(pieces)
    for (const { plan } of plans) for (const b of plan?.breaks ?? []) b.at = whole(b.at, pieces)
    // Every paragraph's lines are fixed, then read (one layout), and those set otherwise are put back.
    const set = plans.flatMap(({ p, plan }) => (plan ? [{ p, plan, ...window.ppApplyLines(p, plan) }] : []))
    source.classList.add('pp-measuring')
    const failed = set.filter(({ p, plan, ends }) => {
      if (lineCount(p) !== plan.lines) return true
      const text = textOf(p)
      return !ends.every((end) => lineBreaksAt(text, end))
    })
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
      const data = node.data
      // The cuts: before a space or soft hyphen, after a hyphen or dash (never at either end of the node).
      const cuts = /** @type {number[]} */ ([])
      for (let i = 1; i < data.length; i++) if (breaksBefore(data.charCodeAt(i)) || isDash(data.charCodeAt(i - 1))) cuts.push(i)
      if (cuts.length === 0) continue
      // The pieces are made in strings and inserted at once (splitText would copy the rest of the node at every cut).
      const made = cuts.map((cut, k) => {
        const piece = document.createTextNode(data.slice(cut, cuts[k + 1] ?? data.length))
        pieces.set(piece, { node, offset: cut })
        return piece
      })
      node.data = data.slice(0, cuts[0])
      node.after(...made)
    }
  }
  /** A space or soft hyphen: a piece starts there. @param {number} c */
  const breaksBefore = (c) => c === 32 || c === 10 || c === 9 || c === 0xad
  /** A hyphen or dash (-, ‐, –, —). @param {number} c */
  const isDash = (c) => c === 0x2d || c === 0x2010 || c === 0x2013 || c === 0x2014
  /** A letter (one UTF-16 unit, as a string of it would match /\p{L}/u); -1 is no character. @param {number} c */
  const isLetter = (c) => c >= 0 && /\p{L}/u.test(String.fromCharCode(c))

  /** Join the pieces into their text nodes again, each node's text set once. @param {Pieces} pieces */
  function joinPieces(pieces) {
    /** @type {Map<Text, string[]>} */
    const parts = new Map()
    for (const [piece, { node }] of pieces) {
      if (piece === node) continue
      const list = parts.get(node)
      if (list) list.push(piece.data)
      else parts.set(node, [piece.data])
      piece.remove()
    }
    for (const [node, list] of parts) node.data += list.join('')
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
    /**
     * The width from text `f` (an index in `texts`) at `fromOffset` to `node` at `to`.
     * @param {number} f @param {number} fromOffset @param {Text} node @param {number} to
     */
    const width = (f, fromOffset, node, to) => {
      // Text by text node: a range over a whole element would count its box as well as its text's.
      let sum = 0
      for (let t = f; t < texts.length; t++) {
        const text = /** @type {Text} */ (texts[t])
        const a = t === f ? fromOffset : 0
        const b = text === node ? to : text.data.length
        if (b > a) {
          range.setStart(text, a)
          range.setEnd(text, b)
          const rects = range.getClientRects()
          let w = 0
          for (let r = 0; r < rects.length; r++) w += /** @type {DOMRect} */ (rects[r]).width
          sum += w
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
    // The text since the last break (its text node's index, -1 for none, and offset there).
    let startText = -1
    let startOffset = 0
    let total = 0
    let glues = 0
    let space = 0
    let prev = -1 // the last character but soft hyphens (a UTF-16 unit), -1 before the first
    let count = 0
    // Character by character, with the character codes (no string a character: this runs over every letter of the flow).
    for (let t = 0; t < texts.length; t++) {
      const node = /** @type {Text} */ (texts[t])
      const data = node.data
      for (let i = 0; i < data.length; i++) {
        const c = data.charCodeAt(i)
        const white = c === 32 || c === 10 || c === 9
        /** @type {Break['kind'] | null} */
        let kind = null
        let collapsed = false
        if (white) {
          kind = 'glue'
          collapsed = prev === 32 || prev === 10 || prev === 9 || prev === -1
          prev = c
          if (!collapsed) count++
        } else if (c === 0xad) kind = 'shy'
        else {
          if (isDash(c) && isLetter(prev)) {
            const following = texts[t + 1]?.data
            const next =
              i + 1 < data.length ? data.charCodeAt(i + 1) : following ? (following.length > 0 ? following.charCodeAt(0) : -1) : -1
            if (isLetter(next)) kind = 'dash'
          }
          prev = c
          count++
        }
        if (!kind) {
          if (startText < 0) ((startText = t), (startOffset = i))
          continue
        }
        if (collapsed) continue
        if (startText >= 0) total += width(startText, startOffset, node, kind === 'dash' ? i + 1 : i)
        startText = -1
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
    }
    const last = /** @type {Text} */ (texts.at(-1))
    if (startText >= 0) total += width(startText, startOffset, last, last.data.length)
    // The paragraph's end: a break that must be taken (a trailing space is no gap).
    if (breaks.at(-1)?.kind === 'glue' && breaks.at(-1)?.after === total) breaks.pop()
    breaks.push({ kind: 'glue', at: { node: last, offset: -1 }, width: 0, before: total, after: total, glues, space, room: 0, count })
    if (breaks.length < 2 || total <= available - indent) return null
    return window.ppChooseLines(breaks, available, indent, TRACK * (parseFloat(style.fontSize) || 0))
  }

  /**
   * A paragraph's text and its text nodes, each with where it starts in the text (read once a paragraph: its lines are
   * checked one by one). @typedef {{ data: string, nodes: Text[], starts: number[] }} TextOf
   * @param {HTMLElement} p @returns {TextOf}
   */
  function textOf(p) {
    const nodes = textNodes(p)
    const starts = []
    let at = 0
    for (const node of nodes) (starts.push(at), (at += node.data.length))
    return { data: nodes.map((n) => n.data).join(''), nodes, starts }
  }

  /**
   * The character at `end` ends a line (a hyphen, or the word before a space) and the next one starts the next.
   * @param {TextOf} text @param {number} end
   */
  function lineBreaksAt(text, end) {
    /** @param {number} index */
    const box = (index) => {
      // The text node holding the character (as placeOf finds it).
      const k = text.nodes.findIndex((node, n) => index - /** @type {number} */ (text.starts[n]) < node.data.length)
      const node = text.nodes[k]
      if (!node) return null
      const offset = index - /** @type {number} */ (text.starts[k])
      const range = RANGE
      range.setStart(node, offset)
      range.setEnd(node, offset + 1)
      return range.getBoundingClientRect()
    }
    const before = box(text.data[end] === ' ' ? end - 1 : end)
    const after = box(end + 1)
    return before !== null && after !== null && after.top >= before.bottom - 2
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
