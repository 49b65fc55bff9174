// @ts-check
// Runs inside the print page, injected with src/outputs/pdf/paginator.js (see render.ts `injectPaginator`), and called once the pages are
// laid out, before printing. Plain browser JavaScript, checked by tsc.
;(() => {
  'use strict'
  /**
   * Running heads that fit, measured: page-css.ts writes each head whole in its @page rule and once more as a probe (#pp-heads, a span
   * per head in its margin box's font). A head wider than the page's content box is cut after the last whole word that fits (words as
   * Intl.Segmenter finds them, so Chinese is cut between words too), with an ellipsis; a head that fits is left alone. The new heads
   * go into a style sheet of their own, after the page rules; the probes are removed, so nothing of them is printed.
   * The margin box is as wide as a page's content box (a head is the only box of its margin).
   */
  window.ppFitRunningHeads = function fitRunningHeads() {
    const probes = document.getElementById('pp-heads')
    const first = document.querySelector('.pp-page')
    if (!probes || !first) return
    const width = first.getBoundingClientRect().width
    /** @param {HTMLElement} span */
    const fits = (span) => span.getBoundingClientRect().width <= width + 0.01
    // The heads too wide are cut side by side, one step of their binary searches at a time: every candidate is set,
    // then every width read, so each step is one layout (a probe's width does not depend on the others').
    const searches = /** @type {HTMLElement[]} */ ([...probes.children])
      .filter((span) => !fits(span))
      .map((span) => {
        const text = span.textContent ?? ''
        const lang = span.closest('[lang]')?.getAttribute('lang') || document.documentElement.lang
        const ends = [...new Intl.Segmenter(lang, { granularity: 'word' }).segment(text)]
          .filter((s) => s.isWordLike)
          .map((s) => s.index + s.segment.length)
        return { span, text, ends, lo: 0, hi: ends.length - 1, best: '', candidate: '' }
      })
    for (let open = searches; open.length > 0; open = open.filter((s) => s.lo <= s.hi)) {
      for (const s of open) {
        s.candidate = s.text.slice(0, s.ends[(s.lo + s.hi) >> 1]).replace(/[\s\p{P}]+$/u, '') + '…'
        s.span.textContent = s.candidate
      }
      for (const s of open) {
        const mid = (s.lo + s.hi) >> 1
        if (fits(s.span)) {
          s.best = s.candidate
          s.lo = mid + 1
        } else s.hi = mid - 1
      }
    }
    const rules = /** @type {string[]} */ ([])
    for (const { span, best } of searches) {
      const page = span.getAttribute('data-page')
      const box = span.getAttribute('data-box')
      if (page && box) rules.push(`@page ${page} { @${box} { content: ${cssString(best || '…')}; } }`)
    }
    probes.remove()
    if (rules.length === 0) return
    const style = document.createElement('style')
    style.textContent = rules.join('\n')
    document.head.append(style)
  }

  /** @param {string} text */
  function cssString(text) {
    return `"${text.replace(/[\\"]/g, (c) => `\\${c}`).replace(/[\n\r\f]/g, ' ')}"`
  }
})()
