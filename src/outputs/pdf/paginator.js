// @ts-check
// Runs inside the print page: plain browser JavaScript, injected once as a script by src/outputs/pdf/render.ts (`injectPaginator`), then
// called as `window.ppPaginate(options)` (typed in paginator-globals.d.ts). Checked by `tsc --noEmit` (// @ts-check with JSDoc types);
// left untranspiled so that the page runs exactly this text.
//
// Pours the flow in #pp-source into fixed-size page boxes (.pp-page), so that Chromium's own printing never has to break a page: a unit
// marked data-pp-break opens a new page (title page, contents, each thesis, colophon); a paragraph that does not fit is split between two
// lines (a Range cut at the first character of the next line), keeping at least `orphans` lines at the foot and `widows` at the head of
// the next page; a heading never ends a page; each footnote moves to the notes area at the foot of the page that carries its reference,
// and the page's text is shortened to make room; every page gets a CSS page name (section and parity) for its running head; a row (data-
// pp-row: side-by-side cells of a parallel text) is split at a line in every cell, so the cells start level and each continues at the top
// of the next page; a row marked data-pp-keep (a heading row) never ends a page. Returns the page count, the page of every table-of-
// contents target and warnings.
;(() => {
  'use strict'
  const SPLITTABLE = new Set(['P', 'LI', 'DD', 'DT', 'FIGCAPTION', 'BLOCKQUOTE'])
  const CONTAINERS = new Set(['SECTION', 'DIV', 'NAV', 'OL', 'UL', 'DL', 'MAIN', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE'])
  const HEADING = /^H[1-6]$/
  const RANGE = document.createRange() // one Range for every measurement, as in soft-hyphens.js (why: see there)
  /** @typedef {{ el: HTMLDivElement, body: HTMLDivElement, notes: HTMLDivElement, section: string, opens: boolean }} Page */
  /** @typedef {{ source: HTMLElement, shell: HTMLElement, clones: HTMLElement[], items: number, start: number }} Level */
  /** @typedef {{ top: number, bottom: number }} Line */
  /** @typedef {[Text, number]} Place a character: its text node and offset */

  /** @param {string} id */
  function required(id) {
    const el = document.getElementById(id)
    if (!el) throw new Error(`the print document has no #${id}`)
    return el
  }
  /** @param {HTMLElement} el */
  const height = (el) => el.getBoundingClientRect().height
  /** @template {Node} T @param {T} node @returns {T} */
  function shallowClone(node) {
    return /** @type {T} */ (node.cloneNode(false))
  }
  window.ppPaginate = paginate
  /** @param {PpTypesetting} [options] @returns {Promise<PpPagination>} */
  async function paginate({ orphans = 3, widows = 3 } = {}) {
    await Promise.all([...document.fonts].map((face) => face.load().catch(() => undefined)))
    await document.fonts.ready
    const out = required('pp-pages')
    const source = required('pp-source')
    const noteSource = required('pp-note-source')
    const pages = /** @type {Page[]} */ ([])
    const warnings = /** @type {string[]} */ ([])
    const stack = /** @type {Level[]} */ ([])
    let page = /** @type {Page | null} */ (null)
    let section = ''

    /** The page being filled. */
    function current() {
      if (!page) throw new Error('no page yet')
      return page
    }

    /** Open a new page, with a continuation shell of every container being split. @param {boolean} opens */
    function newPage(opens) {
      const el = document.createElement('div')
      el.className = 'pp-page'
      const body = document.createElement('div')
      body.className = 'pp-body'
      const notes = document.createElement('div')
      notes.className = 'pp-notes'
      el.append(body, notes)
      out.append(el)
      page = { el, body, notes, section, opens }
      pages.push(page)
      /** @type {HTMLElement} */
      let parent = body
      for (const level of stack) {
        const shell = shallowClone(level.source)
        shell.removeAttribute('id')
        shell.setAttribute('data-pp-cont', '')
        if (shell.tagName === 'OL') shell.setAttribute('start', String(level.start + level.items))
        parent.append(shell)
        level.shell = shell
        level.clones.push(shell)
        parent = shell
      }
    }
    function parentNow() {
      const level = stack[stack.length - 1]
      return level ? level.shell : current().body
    }
    function notesHeight() {
      return current().notes.childElementCount > 0 ? height(current().notes) : 0
    }
    function fits() {
      return height(current().body) + notesHeight() <= height(current().el) + 0.01
    }
    /** Nothing but `el` on the page. @param {Element} el */
    function onlyText(el) {
      return (current().body.textContent ?? '').replace(el.textContent ?? '', '').trim() === ''
    }

    /** The notes referenced in `el` above `before`, still waiting to be placed. @param {Element} el @param {number} [before] */
    function notesOf(el, before = Infinity) {
      return [...el.querySelectorAll('a[data-footnote-ref]')]
        .filter((a) => a.getBoundingClientRect().top < before)
        .map((a) => document.getElementById(decodeURIComponent((a.getAttribute('href') ?? '').slice(1))))
        .filter(/** @returns {note is HTMLElement} */ (note) => note !== null && note.parentElement === noteSource)
    }
    /** @param {HTMLElement[]} notes */
    function addNotes(notes) {
      notes.forEach((note) => current().notes.append(note))
    }
    /** @param {HTMLElement[]} notes */
    function removeNotes(notes) {
      notes.forEach((note) => noteSource.append(note))
    }

    // Line boxes of a block: client rects grouped by vertical overlap. For a block of
    // blocks (a row's cell), only its text counts: a range's rects include the boxes
    // of the block elements it holds.
    /** @param {Element} el @returns {Line[]} */
    function lineBoxes(el) {
      const range = RANGE
      /** @type {Node[]} */
      const nodes = el.classList.contains('pp-cell') ? textNodes(el) : [el]
      const rects = nodes
        .flatMap((node) => (range.selectNodeContents(node), [...range.getClientRects()]))
        .filter((r) => r.width > 0 && r.height > 0)
        .sort((a, b) => a.top - b.top)
      const lines = /** @type {Line[]} */ ([])
      for (const r of rects) {
        const line = lines.find((l) => Math.min(l.bottom, r.bottom) - Math.max(l.top, r.top) > 0.5 * Math.min(r.height, l.bottom - l.top))
        if (line) {
          line.top = Math.min(line.top, r.top)
          line.bottom = Math.max(line.bottom, r.bottom)
        } else lines.push({ top: r.top, bottom: r.bottom })
      }
      return lines.sort((a, b) => a.top - b.top)
    }

    /** @param {Node} el @returns {Text[]} */
    function textNodes(el) {
      const nodes = /** @type {Text[]} */ ([])
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT)
      for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(/** @type {Text} */ (node))
      return nodes
    }

    // The first character (in logical order) whose glyph lies below `y`: a line start.
    /** @param {Element} el @param {number} y @returns {Place | undefined} */
    function firstCharBelow(el, y) {
      const nodes = textNodes(el).filter((node) => node.data.length > 0)
      let length = 0
      const starts = nodes.map((node) => ((length += node.data.length), length - node.data.length))
      /** The character at `index` of the text. @param {number} index @returns {Place | undefined} */
      const char = (index, k = index < length ? starts.findLastIndex((start) => start <= index) : -1) =>
        k < 0 ? undefined : [/** @type {Text} */ (nodes[k]), index - /** @type {number} */ (starts[k])]
      /** @param {number} index */
      const middle = (index) => {
        const [node, offset] = /** @type {Place} */ (char(index))
        const range = RANGE
        range.setStart(node, offset)
        range.setEnd(node, offset + 1)
        const rect = [...range.getClientRects()].find((r) => r.height > 0)
        return rect ? (rect.top + rect.bottom) / 2 : undefined
      }
      let lo = 0
      let hi = length
      while (lo < hi) {
        const mid = (lo + hi) >> 1
        let probe = mid
        let value = middle(probe)
        while (value === undefined && probe + 1 < hi) value = middle(++probe)
        if (value === undefined || value > y) hi = mid
        else lo = probe + 1
      }
      return char(lo)
    }

    /** Cut `el` before the character at `place`; returns the first part (`el` is the rest). @param {HTMLElement} el @param {Place} place */
    function cutAt(el, [node, offset]) {
      const range = RANGE
      range.setStart(el, 0)
      range.setEnd(node, offset)
      const first = shallowClone(el)
      first.append(range.extractContents()) // `node` keeps the text after the cut: a word going on is marked
      if (/^[\p{L}\p{M}]/u.test(node.data)) window.ppMarkWordCut(first)
      first.classList.add('pp-split')
      el.before(first)
      el.remove()
      el.removeAttribute('id')
      el.classList.add('pp-cont')
      el.setAttribute('data-pp-cont', '')
      return first
    }
    /** @param {HTMLElement} first @param {HTMLElement} rest */
    function undoCut(first, rest) {
      window.ppUnmarkWordCut(first)
      rest.prepend(...first.childNodes)
      if (first.id) rest.id = first.id
      rest.classList.remove('pp-cont')
      rest.removeAttribute('data-pp-cont')
      first.replaceWith(rest)
      rest.normalize()
    }

    // Split `el` (already on the page, overflowing) between lines; returns the detached rest.
    /** @param {HTMLElement} el @returns {HTMLElement | null} */
    function split(el) {
      const lines = lineBoxes(el)
      if (lines.length < orphans + widows) return null
      const bodyTop = current().body.getBoundingClientRect().top
      for (let k = lines.length - widows; k >= orphans; k--) {
        const cut = (line(lines, k - 1).bottom + line(lines, k).top) / 2
        const notes = notesOf(el, cut)
        addNotes(notes)
        if (cut - bodyTop + notesHeight() <= height(current().el)) {
          const start = firstCharBelow(el, cut)
          if (start) {
            const first = cutAt(el, start)
            if (fits() && lineBoxes(first).length === k) return el
            undoCut(first, el)
          }
        }
        removeNotes(notes)
      }
      return null
    }

    // Split a row of cells (on the page, overflowing): each cell keeps the lines above
    // `limit` (at least `orphans`, or all of a short cell), the rest of every cell
    // goes, side by side again, into the returned detached row.
    /** @param {HTMLElement} row @returns {HTMLElement | null} */
    function splitRow(row) {
      const cells = /** @type {HTMLElement[]} */ ([...row.children])
      const rowBottom = row.getBoundingClientRect().bottom
      const below = rowBottom - Math.max(...cells.map((c) => c.getBoundingClientRect().bottom))
      let limit = current().body.getBoundingClientRect().top + height(current().el) - notesHeight() - Math.max(0, below)
      for (let attempt = 0; attempt < 40; attempt++) {
        const plans = cells.map((cell) => {
          const lines = lineBoxes(cell)
          let keep = lines.filter((l) => l.bottom <= limit).length
          if (keep < lines.length) keep = Math.min(keep, lines.length - widows)
          return { cell, lines, keep }
        })
        if (plans.some((p) => p.keep < p.lines.length && p.keep < orphans)) return null
        const rest = shallowClone(row)
        rest.removeAttribute('id')
        rest.setAttribute('data-pp-cont', '')
        const cuts = plans.map((p) => {
          const restCell = shallowClone(p.cell)
          restCell.classList.add('pp-cont')
          rest.append(restCell)
          if (p.keep === p.lines.length) return null
          const start = firstCharBelow(p.cell, (line(p.lines, p.keep - 1).bottom + line(p.lines, p.keep).top) / 2)
          const block = /** @type {HTMLElement | null | undefined} */ (start && start[0].parentElement?.closest('.pp-cell > *'))
          if (!start || !block || block.parentElement !== p.cell) return null
          RANGE.setStart(block, 0)
          RANGE.setEnd(start[0], start[1])
          const first = RANGE.toString().trim() === '' ? null : cutAt(block, start)
          const moved = /** @type {ChildNode[]} */ ([])
          for (let node = first ? first.nextSibling : block; node; node = node.nextSibling) moved.push(node)
          if (first) moved.unshift(block)
          restCell.append(...moved)
          p.cell.classList.add('pp-split')
          return { ...p, first, moved }
        })
        if (fits() && cuts.every((c) => !c || lineBoxes(c.cell).length === c.keep)) return rest
        const made = cuts.filter((c) => c !== null)
        for (const c of made) {
          c.cell.classList.remove('pp-split')
          c.cell.append(...c.moved)
          if (c.first) undoCut(c.first, /** @type {HTMLElement} */ (c.moved[0]))
        }
        const kept = made.map((c) => line(c.lines, c.keep - 1).top)
        limit = kept.length > 0 ? Math.max(...kept) : limit - 1
      }
      return null
    }

    /** Put `el` on the page, splitting it or moving on to a new page as needed. @param {HTMLElement} el */
    function place(el) {
      const parent = parentNow()
      parent.append(el)
      const notes = notesOf(el)
      addNotes(notes)
      if (fits()) return
      removeNotes(notes)
      if (el.hasAttribute('data-pp-row')) {
        const rest = splitRow(el)
        if (rest) {
          newPage(false)
          place(rest)
          return
        }
      } else if (isBlockContainer(el)) {
        el.remove()
        /** @type {Level} */
        const level = { source: el, shell: shallowClone(el), clones: [], items: 0, start: Number(el.getAttribute('start') || 1) }
        level.clones.push(level.shell)
        parent.append(level.shell)
        stack.push(level)
        for (const child of /** @type {HTMLElement[]} */ ([...el.children])) {
          place(child)
          if (child.tagName === 'LI') level.items++
        }
        stack.pop()
        tidy(level)
        return
      }
      if (SPLITTABLE.has(el.tagName)) {
        const rest = split(el)
        if (rest) {
          newPage(false)
          place(rest)
          return
        }
      }
      if (onlyText(el)) {
        addNotes(notes)
        warnings.push(`a block taller than a page (${(el.id || el.tagName).toString()}) is cut off`)
        return
      }
      el.remove()
      const carried = /** @type {Element[]} */ ([])
      const last = parentNow().lastElementChild
      if (last && (HEADING.test(last.tagName) || last.hasAttribute('data-pp-keep')) && !onlyText(last)) carried.push(last)
      carried.forEach((h) => h.remove())
      newPage(false)
      carried.forEach((h) => parentNow().append(h))
      place(el)
    }

    // A container whose children are all blocks is split between them (a paragraph between lines).
    /** @param {HTMLElement} el */
    function isBlockContainer(el) {
      return (
        CONTAINERS.has(el.tagName) &&
        el.firstElementChild !== null &&
        [...el.childNodes].every((n) =>
          n instanceof Text ? n.data.trim() === '' : !(n instanceof Element) || getComputedStyle(n).display !== 'inline',
        )
      )
    }

    // Drop clones of a container left empty on a page; its id goes to the first clone kept.
    /** @param {Level} level */
    function tidy(level) {
      const id = level.source.id
      let kept = /** @type {HTMLElement | null} */ (null)
      for (const clone of level.clones) {
        if (clone.childNodes.length === 0 || (clone.textContent.trim() === '' && !clone.querySelector('a,img'))) clone.remove()
        else kept ??= clone
      }
      if (kept) {
        for (const clone of level.clones) if (clone !== kept) clone.removeAttribute('id')
        if (id) kept.id = id
        kept.removeAttribute('data-pp-cont')
      }
    }

    for (const unit of /** @type {HTMLElement[]} */ ([...source.children])) {
      section = unit.getAttribute('data-pp-section') || section
      if (!page || unit.hasAttribute('data-pp-break')) newPage(true)
      place(unit)
    }
    noteSource.querySelectorAll('.pp-note').forEach((note) => warnings.push(`footnote ${note.id} is never referenced`))
    pages.forEach((p, index) => {
      const parity = index % 2 === 0 ? 'odd' : 'even'
      p.el.style.page = p.section === 'title' ? 'pp-title-odd' : `pp-${p.section}-${parity}`
      p.el.setAttribute('data-page', String(index + 1))
    })
    /** @param {string} id */
    const pageOf = (id) => {
      const target = document.getElementById(id)
      const box = target && target.closest('.pp-page')
      return box ? Number(box.getAttribute('data-page')) : 0
    }
    const format = new Intl.NumberFormat(document.documentElement.lang, { useGrouping: false }) // one: each loads its data
    const targets = /** @type {Record<string, number>} */ ({})
    for (const cell of document.querySelectorAll('.pp-toc-page[data-for]')) {
      const id = cell.getAttribute('data-for') ?? ''
      const number = (targets[id] = pageOf(id))
      cell.textContent = format.format(number)
    }
    window.ppSettleSoftHyphens(out)
    const overflowing = pages.filter((p) => !fitsPage(p)).map((p) => Number(p.el.getAttribute('data-page')))
    if (overflowing.length > 0) warnings.push(`pages ${overflowing.join(', ')} overflow`)
    const headings = [...out.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((h) => (h.textContent ?? '').replace(/\s+/g, ' ').trim())
    return { pages: pages.length, targets, headings, warnings }

    /** @param {Page} p */
    function fitsPage(p) {
      const notes = p.notes.childElementCount > 0 ? height(p.notes) : 0
      return height(p.body) + notes <= height(p.el) + 0.01
    }
  }

  /** @param {Line[]} lines @param {number} index */
  function line(lines, index) {
    const found = lines[index]
    if (!found) throw new Error(`no line ${index}`)
    return found
  }
})()
