// Runs inside the print page (plain browser JavaScript, injected as text).
//
// Pours the flow in #pp-source into fixed-size page boxes (.pp-page), so that
// Chromium's own printing never has to break a page:
// - a unit marked data-pp-break opens a new page (title page, contents, each thesis, colophon);
// - a paragraph that does not fit is split between two lines (a Range cut at the
//   first character of the next line), keeping at least `orphans` lines at the
//   foot and `widows` lines at the head of the next page; a heading never ends a page;
// - each footnote is moved into the notes area at the foot of the page that
//   carries its reference, and the page's text is shortened to make room;
// - every page gets a CSS page name (section and parity) for its running head;
// - a row (data-pp-row: side-by-side cells of a parallel text, one language
//   each) is split at a line in every cell, so the cells start level and each
//   continues at the top of the next page; a row marked data-pp-keep (a heading
//   row) never ends a page.
// Returns the page count, the page of every table-of-contents target and warnings.
;(() => {
  'use strict'
  const SPLITTABLE = new Set(['P', 'LI', 'DD', 'DT', 'FIGCAPTION', 'BLOCKQUOTE'])
  const CONTAINERS = new Set(['SECTION', 'DIV', 'NAV', 'OL', 'UL', 'DL', 'MAIN', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE'])
  const HEADING = /^H[1-6]$/

  window.ppPaginate = async ({ orphans = 3, widows = 3 } = {}) => {
    await Promise.all([...document.fonts].map((face) => face.load().catch(() => undefined)))
    await document.fonts.ready
    const out = document.getElementById('pp-pages')
    const source = document.getElementById('pp-source')
    const noteSource = document.getElementById('pp-note-source')
    const pages = []
    const warnings = []
    const stack = []
    let page = null
    let section = ''

    const newPage = (opens) => {
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
      let parent = body
      for (const level of stack) {
        const shell = level.source.cloneNode(false)
        shell.removeAttribute('id')
        shell.setAttribute('data-pp-cont', '')
        if (shell.tagName === 'OL') shell.setAttribute('start', String(level.start + level.items))
        parent.append(shell)
        level.shell = shell
        level.clones.push(shell)
        parent = shell
      }
    }
    const parentNow = () => (stack.length > 0 ? stack[stack.length - 1].shell : page.body)
    const height = (el) => el.getBoundingClientRect().height
    const notesHeight = () => (page.notes.childElementCount > 0 ? height(page.notes) : 0)
    const fits = () => height(page.body) + notesHeight() <= height(page.el) + 0.01
    const onlyText = (el) => page.body.textContent.replace(el.textContent, '').trim() === ''

    const notesOf = (el, before = Infinity) =>
      [...el.querySelectorAll('a[data-footnote-ref]')]
        .filter((a) => a.getBoundingClientRect().top < before)
        .map((a) => document.getElementById(decodeURIComponent(a.getAttribute('href').slice(1))))
        .filter((note) => note && note.parentElement === noteSource)
    const addNotes = (notes) => notes.forEach((note) => page.notes.append(note))
    const removeNotes = (notes) => notes.forEach((note) => noteSource.append(note))

    // Line boxes of a block: client rects grouped by vertical overlap. For a block of
    // blocks (a row's cell), only its text counts: a range's rects include the boxes
    // of the block elements it holds.
    const lineBoxes = (el) => {
      const range = document.createRange()
      const nodes = el.classList.contains('pp-cell') ? textNodes(el) : [el]
      const rects = nodes
        .flatMap((node) => (range.selectNodeContents(node), [...range.getClientRects()]))
        .filter((r) => r.width > 0 && r.height > 0)
        .sort((a, b) => a.top - b.top)
      const lines = []
      for (const r of rects) {
        const line = lines.find((l) => Math.min(l.bottom, r.bottom) - Math.max(l.top, r.top) > 0.5 * Math.min(r.height, l.bottom - l.top))
        if (line) {
          line.top = Math.min(line.top, r.top)
          line.bottom = Math.max(line.bottom, r.bottom)
        } else lines.push({ top: r.top, bottom: r.bottom })
      }
      return lines.sort((a, b) => a.top - b.top)
    }

    const textNodes = (el) => {
      const nodes = []
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT)
      for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node)
      return nodes
    }

    // The first character (in logical order) whose glyph lies below `y`: a line start.
    const firstCharBelow = (el, y) => {
      const chars = []
      for (const node of textNodes(el)) {
        for (let i = 0; i < node.data.length; i++) chars.push([node, i])
      }
      const middle = (index) => {
        const [node, offset] = chars[index]
        const range = document.createRange()
        range.setStart(node, offset)
        range.setEnd(node, offset + 1)
        const rect = [...range.getClientRects()].find((r) => r.height > 0)
        return rect ? (rect.top + rect.bottom) / 2 : undefined
      }
      let lo = 0
      let hi = chars.length
      while (lo < hi) {
        const mid = (lo + hi) >> 1
        let probe = mid
        let value = middle(probe)
        while (value === undefined && probe + 1 < hi) value = middle(++probe)
        if (value === undefined || value > y) hi = mid
        else lo = probe + 1
      }
      return chars[lo]
    }

    const cutAt = (el, [node, offset]) => {
      const range = document.createRange()
      range.setStart(el, 0)
      range.setEnd(node, offset)
      const first = el.cloneNode(false)
      first.append(range.extractContents())
      first.classList.add('pp-split')
      el.before(first)
      el.remove()
      el.removeAttribute('id')
      el.classList.add('pp-cont')
      el.setAttribute('data-pp-cont', '')
      return first
    }
    const undoCut = (first, rest) => {
      rest.prepend(...first.childNodes)
      if (first.id) rest.id = first.id
      rest.classList.remove('pp-cont')
      rest.removeAttribute('data-pp-cont')
      first.replaceWith(rest)
      rest.normalize()
    }

    // Split `el` (already on the page, overflowing) between lines; returns the detached rest.
    const split = (el) => {
      const lines = lineBoxes(el)
      if (lines.length < orphans + widows) return null
      const bodyTop = page.body.getBoundingClientRect().top
      for (let k = lines.length - widows; k >= orphans; k--) {
        const cut = (lines[k - 1].bottom + lines[k].top) / 2
        const notes = notesOf(el, cut)
        addNotes(notes)
        if (cut - bodyTop + notesHeight() <= height(page.el)) {
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
    const splitRow = (row) => {
      const cells = [...row.children]
      const rowBottom = row.getBoundingClientRect().bottom
      const below = rowBottom - Math.max(...cells.map((c) => c.getBoundingClientRect().bottom))
      let limit = page.body.getBoundingClientRect().top + height(page.el) - notesHeight() - Math.max(0, below)
      for (let attempt = 0; attempt < 40; attempt++) {
        const plans = cells.map((cell) => {
          const lines = lineBoxes(cell)
          let keep = lines.filter((l) => l.bottom <= limit).length
          if (keep < lines.length) keep = Math.min(keep, lines.length - widows)
          return { cell, lines, keep }
        })
        if (plans.some((p) => p.keep < p.lines.length && p.keep < orphans)) return null
        const rest = row.cloneNode(false)
        rest.removeAttribute('id')
        rest.setAttribute('data-pp-cont', '')
        const cuts = plans.map((p) => {
          const restCell = p.cell.cloneNode(false)
          restCell.classList.add('pp-cont')
          rest.append(restCell)
          if (p.keep === p.lines.length) return null
          const start = firstCharBelow(p.cell, (p.lines[p.keep - 1].bottom + p.lines[p.keep].top) / 2)
          let block = start && start[0].parentElement.closest('.pp-cell > *')
          if (!block || block.parentElement !== p.cell) return null
          const before = document.createRange()
          before.setStart(block, 0)
          before.setEnd(start[0], start[1])
          const first = before.toString().trim() === '' ? null : cutAt(block, start)
          const moved = []
          for (let node = first ? first.nextSibling : block; node; node = node.nextSibling) moved.push(node)
          if (first) moved.unshift(block)
          restCell.append(...moved)
          p.cell.classList.add('pp-split')
          return { ...p, first, moved }
        })
        if (fits() && cuts.every((c) => !c || lineBoxes(c.cell).length === c.keep)) return rest
        for (const c of cuts.filter(Boolean)) {
          c.cell.classList.remove('pp-split')
          c.cell.append(...c.moved)
          if (c.first) undoCut(c.first, c.moved[0])
        }
        const kept = cuts.filter(Boolean).map((c) => c.lines[c.keep - 1].top)
        limit = kept.length > 0 ? Math.max(...kept) : limit - 1
      }
      return null
    }

    const place = (el) => {
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
        const level = { source: el, shell: el.cloneNode(false), clones: [], items: 0, start: Number(el.getAttribute('start') || 1) }
        level.clones.push(level.shell)
        parent.append(level.shell)
        stack.push(level)
        for (const child of [...el.children]) {
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
      const carried = []
      const last = parentNow().lastElementChild
      if (last && (HEADING.test(last.tagName) || last.hasAttribute('data-pp-keep')) && !onlyText(last)) carried.push(last)
      carried.forEach((h) => h.remove())
      newPage(false)
      carried.forEach((h) => parentNow().append(h))
      place(el)
    }

    // A container whose children are all blocks is split between them (a paragraph between lines).
    const isBlockContainer = (el) =>
      CONTAINERS.has(el.tagName) &&
      el.firstElementChild !== null &&
      [...el.childNodes].every((n) =>
        n.nodeType === Node.TEXT_NODE ? n.data.trim() === '' : n.nodeType !== Node.ELEMENT_NODE || getComputedStyle(n).display !== 'inline',
      )

    // Drop clones of a container left empty on a page; its id goes to the first clone kept.
    const tidy = (level) => {
      const id = level.source.id
      let kept = null
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

    for (const unit of [...source.children]) {
      section = unit.getAttribute('data-pp-section') || section
      if (!page || unit.hasAttribute('data-pp-break')) newPage(true)
      place(unit)
    }
    noteSource.querySelectorAll('.pp-note').forEach((note) => warnings.push(`footnote ${note.id} is never referenced`))

    pages.forEach((p, index) => {
      const parity = index % 2 === 0 ? 'odd' : 'even'
      p.el.style.page = p.section === 'title' ? 'pp-title-odd' : p.opens ? `pp-open-${parity}` : `pp-${p.section}-${parity}`
      p.el.setAttribute('data-page', String(index + 1))
    })
    const pageOf = (id) => {
      const target = document.getElementById(id)
      const box = target && target.closest('.pp-page')
      return box ? Number(box.getAttribute('data-page')) : 0
    }
    const language = document.documentElement.lang
    const targets = {}
    for (const cell of document.querySelectorAll('.pp-toc-page[data-for]')) {
      const id = cell.getAttribute('data-for')
      targets[id] = pageOf(id)
      cell.textContent = new Intl.NumberFormat(language, { useGrouping: false }).format(targets[id])
    }
    const overflowing = pages.filter((p) => !fitsPage(p)).map((p) => Number(p.el.getAttribute('data-page')))
    if (overflowing.length > 0) warnings.push(`pages ${overflowing.join(', ')} overflow`)
    const headings = [...out.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((h) => h.textContent.replace(/\s+/g, ' ').trim())
    return { pages: pages.length, targets, headings, warnings }

    function fitsPage(p) {
      const notes = p.notes.childElementCount > 0 ? height(p.notes) : 0
      return height(p.body) + notes <= height(p.el) + 0.01
    }
  }
})()
