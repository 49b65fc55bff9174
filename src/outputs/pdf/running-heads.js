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
    const rules = /** @type {string[]} */ ([])
    for (const span of /** @type {HTMLElement[]} */ ([...probes.children])) {
      const text = span.textContent ?? ''
      const fits = () => span.getBoundingClientRect().width <= width + 0.01
      if (fits()) continue
      const lang = span.closest('[lang]')?.getAttribute('lang') || document.documentElement.lang
      const ends = [...new Intl.Segmenter(lang, { granularity: 'word' }).segment(text)]
        .filter((s) => s.isWordLike)
        .map((s) => s.index + s.segment.length)
      let lo = 0
      let hi = ends.length - 1
      let best = ''
      while (lo <= hi) {
        const mid = (lo + hi) >> 1
        const candidate = text.slice(0, ends[mid]).replace(/[\s\p{P}]+$/u, '') + '…'
        span.textContent = candidate
        if (fits()) {
          best = candidate
          lo = mid + 1
        } else hi = mid - 1
      }
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
