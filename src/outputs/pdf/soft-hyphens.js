// @ts-check
// Runs inside the print page, injected with src/outputs/pdf/paginator.js (see render.ts `injectPaginator`), which calls
// `window.ppSettleSoftHyphens(pages)` once every page is laid out. Plain browser JavaScript, checked by tsc.
;(() => {
  'use strict'
  // One Range for every measurement: each Range a script creates stays registered with the document until it is
  // garbage-collected, and every change of the DOM (a split text, a moved block) updates every registered Range,
  // so a Range per measurement made the work grow with the square of the document's length.
  const RANGE = document.createRange()
  /**
   * A soft hyphen where a line breaks becomes a hyphen; every other one goes. Hyphenated text is broken greedily
   * (text-wrap: wrap, see src/outputs/hyphenation.ts), so the lines stay as they are: the same break, the same glyph,
   * and only break opportunities nobody took are removed. The PDF's text then holds whole words: a text extractor
   * joins a word hyphenated at a line end, but a soft hyphen, even at a line end, would stay inside the word.
   * @param {HTMLElement} root
   */
  /**
   * A page cut inside a word (a line that broke at a soft hyphen can measure its last letters as below the cut): the
   * first part ends with a soft hyphen, which settleSoftHyphens makes a hyphen, so no word is ever cut bare.
   * @param {HTMLElement} first
   */
  window.ppMarkWordCut = function markWordCut(first) {
    const last = lastText(first)
    if (!last || !/[\p{L}\p{M}]$/u.test(last.data)) return
    last.data += '\u00AD'
    first.setAttribute('data-pp-shy', '')
  }
  /** Undo markWordCut (the paginator tries a cut, then takes it back). @param {HTMLElement} first */
  window.ppUnmarkWordCut = function unmarkWordCut(first) {
    const last = first.hasAttribute('data-pp-shy') ? lastText(first) : undefined
    if (last) last.data = last.data.slice(0, -1)
    first.removeAttribute('data-pp-shy')
  }
  /** @param {Node} root @returns {Text | undefined} */
  function lastText(root) {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
    let last
    for (let n = walker.nextNode(); n; n = walker.nextNode()) last = /** @type {Text} */ (n)
    return last
  }

  window.ppSettleSoftHyphens = function settleSoftHyphens(root) {
    const texts = /** @type {Text[]} */ ([])
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
    for (let n = walker.nextNode(); n; n = walker.nextNode()) texts.push(/** @type {Text} */ (n))
    /** @param {Text} node @param {number} offset */
    const box = (node, offset) => {
      const range = RANGE
      range.setStart(node, offset)
      range.setEnd(node, offset + 1)
      return range.getBoundingClientRect()
    }
    // The block a text belongs to: a paragraph split across pages is two such blocks, one on each page.
    const blocks = 'p, li, dd, dt, td, th, figcaption, blockquote, .pp-cell, .pp-page'
    /**
     * The box of the first visible character after a place, in the same block (the part of the paragraph on this
     * page); null when there is none: the part ends there, as before the notes that follow it on the page.
     * @param {number} t @param {number} offset
     */
    const nextBox = (t, offset) => {
      const block = texts[t]?.parentElement?.closest(blocks)
      for (let i = t, from = offset; i < texts.length; i++, from = 0) {
        const node = /** @type {Text} */ (texts[i])
        if (node.parentElement?.closest(blocks) !== block) return null
        for (let k = from; k < node.data.length; k++) if (!/[\s\u00AD]/.test(node.data[k] ?? '')) return box(node, k)
      }
      return null
    }
    const edits = texts.map((node, t) => {
      const breaks = /** @type {Map<number, boolean>} */ (new Map())
      for (let i = node.data.indexOf('\u00AD'); i >= 0; i = node.data.indexOf('\u00AD', i + 1)) {
        // A soft hyphen takes room only where the line breaks at it (Chromium draws the hyphen there), unless it sits
        // inside a ligature ("ef­fect": the box is the ligature's); at the end of a page's part of a paragraph it broke.
        const shy = box(node, i)
        const prev = i > 0 ? box(node, i - 1) : null
        const inLigature = prev !== null && Math.abs(prev.left - shy.left) < 0.1 && Math.abs(prev.right - shy.right) < 0.1
        breaks.set(i, nextBox(t, i + 1) === null || (shy.width > 0.5 && !inLigature))
      }
      return breaks
    })
    texts.forEach((node, t) => {
      const breaks = /** @type {Map<number, boolean>} */ (edits[t])
      if (breaks.size === 0) return
      node.data = node.data
        .split('')
        .map((char, i) => (breaks.has(i) ? (breaks.get(i) ? '-' : '') : char))
        .join('')
    })
  }
})()
