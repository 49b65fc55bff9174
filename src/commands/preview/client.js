// @ts-check
// Runs in every page the preview server serves (injected by inject.ts, allowed by the page's nonce). Plain browser
// JavaScript, checked by `tsc --noEmit`. It listens to the server's events (/__press/events):
// - a fast build that rewrote this page (announced as soon as it is written) or one of its stylesheets reloads it, back
//   at the same paragraph: the topmost visible element with an id is remembered before the reload and scrolled to
//   after it (deferred while a review editor has changes);
// - build problems show as an overlay (path:line:column, message, hint) until a build succeeds;
// - the PDF view shows "PDF updating…" while the background build runs and reloads its frame when the PDF is ready.
;(() => {
  'use strict'
  const script = /** @type {HTMLScriptElement} */ (document.getElementById('pp-preview-client'))
  const data = script.dataset
  const page = data.page || location.pathname
  const anchorKey = 'pp-anchor:' + page

  /** @param {string} tag @param {Record<string, string>} [attributes] @param {(Node | string)[]} [children] */
  function el(tag, attributes = {}, children = []) {
    const node = document.createElement(tag)
    for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value)
    for (const child of children) node.append(child)
    return node
  }

  // The bar: who reviews, and what the server is doing.
  const state = el('span', { id: 'pp-preview-state' }, ['Up to date'])
  const bar = el('div', { id: 'pp-preview-bar', role: 'status', 'aria-live': 'polite', lang: 'en', dir: 'ltr' }, [
    el('a', { href: '/' }, ['Preview']),
    ' · ',
    el('span', { id: 'pp-reviewer' }, ['Reviewing as ' + (data.reviewer || 'unknown')]),
    ' · ',
    state,
  ])
  document.body.prepend(bar)

  /** The topmost element with an id that starts in view (else the last one that started above and reaches into it). */
  function topmostAnchor() {
    /** @type {{ id: string, top: number } | undefined} */
    let above
    for (const node of document.querySelectorAll('body [id]')) {
      if (node.closest('#pp-preview-bar, #pp-preview-overlay')) continue
      const box = node.getBoundingClientRect()
      if (box.height === 0) continue
      if (box.top >= -1 && box.top < window.innerHeight) return { id: node.id, top: box.top }
      if (box.top < 0 && box.bottom > 0) above = { id: node.id, top: box.top }
    }
    return above
  }

  const saved = sessionStorage.getItem(anchorKey)
  sessionStorage.removeItem(anchorKey)
  /** Scroll the remembered element back to where it was (again once fonts and styles have settled). */
  function restoreAnchor() {
    if (!saved) return
    const anchor = JSON.parse(saved)
    const target = document.getElementById(anchor.id)
    if (target) window.scrollBy(0, target.getBoundingClientRect().top - anchor.top)
  }

  let reloadWaiting = false
  function reload() {
    if (document.documentElement.dataset.ppEditing === 'true') {
      reloadWaiting = true
      state.textContent = 'Updated on disk: the page reloads when you close the editor'
      return
    }
    const anchor = topmostAnchor()
    if (anchor) sessionStorage.setItem(anchorKey, JSON.stringify(anchor))
    location.reload()
  }
  document.addEventListener('pp-editing-done', () => {
    if (reloadWaiting) reload()
  })

  /** @param {{ file: string, line?: number, column?: number, message: string, hint?: string }[]} problems */
  function showProblems(problems) {
    document.getElementById('pp-preview-overlay')?.remove()
    if (problems.length === 0) return
    const items = problems.map((p) =>
      el('li', {}, [
        el('code', { class: 'pp-where' }, [[p.file, p.line, p.column].filter((x) => x !== undefined && x !== '').join(':')]),
        ' ',
        el('span', { class: 'pp-message' }, [p.message]),
        ...(p.hint ? [el('p', { class: 'pp-hint' }, ['hint: ' + p.hint])] : []),
      ]),
    )
    const overlay = el('div', { id: 'pp-preview-overlay', role: 'alert', lang: 'en', dir: 'ltr' }, [
      el('h2', {}, ['The build failed']),
      el('ul', {}, items),
      el('p', {}, ['Fix the file and save: this disappears when the build succeeds.']),
    ])
    document.body.append(overlay)
  }

  // The PDF view: a frame on the PDF, reloaded when the background build has written it again.
  const frameHolder = document.getElementById('pp-pdf-frame')
  const pdfState = document.getElementById('pp-pdf-state')
  /** @type {HTMLIFrameElement | undefined} */
  let frame
  if (frameHolder && frameHolder.dataset.file) {
    frame = /** @type {HTMLIFrameElement} */ (el('iframe', { src: frameHolder.dataset.file, title: frameHolder.dataset.title || 'PDF' }))
    frameHolder.append(frame)
  }

  /** Is this file (a path from the server) one of the page's stylesheets? */
  const styles = (/** @type {string} */ file) =>
    [...document.querySelectorAll('link[rel~="stylesheet"]')].some(
      (link) => new URL(link.getAttribute('href') || '', location.href).pathname === file,
    )

  const events = new EventSource('/__press/events')
  events.onmessage = (message) => {
    const event = JSON.parse(message.data)
    if (event.type === 'building') state.textContent = 'Rebuilding…'
    else if (event.type === 'problems') {
      showProblems(event.problems)
      if (event.problems.length > 0) state.textContent = 'Build failed'
    } else if (event.type === 'background') {
      const text =
        event.state === 'updating'
          ? event.formats.join(', ').toUpperCase() + ' updating…'
          : event.state === 'failed'
            ? 'Background build failed'
            : 'Up to date'
      if (pdfState)
        pdfState.textContent =
          event.state === 'updating' ? 'PDF updating…' : event.state === 'failed' ? 'PDF build failed.' : 'PDF up to date.'
      state.textContent = text
    } else if (event.type === 'built' || event.type === 'written') {
      if (frame && frameHolder && event.files.includes(frameHolder.dataset.file)) {
        frame.src = frameHolder.dataset.file + '?build=' + event.build
        if (pdfState) pdfState.textContent = 'PDF up to date.'
        document.documentElement.dataset.ppPdfBuild = String(event.build)
      } else if (event.files.includes(page) || event.files.some(styles) || (page === '/' && event.files.length > 0)) reload()
      else if (event.lane === 'fast' && event.type === 'built') state.textContent = 'Up to date'
    }
  }
  restoreAnchor()
  window.addEventListener('load', () => {
    restoreAnchor()
    document.fonts.ready.then(restoreAnchor)
  })
})()
