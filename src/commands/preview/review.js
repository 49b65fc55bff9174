// @ts-check
// Review controls of a review page served by press preview (injected after client.js, same nonce). Each row whose
// target language has an entry gets: Edit (the Markdown in place, previewed as you type by the server's own renderer
// and QA checks), Mark reviewed, Mark final, Needs work (with a required comment), Comment, Reply and Resolve. Every
// action is one POST to /__press/decision with the token and the fingerprint of the entry as loaded: if the file
// changed on disk meanwhile the server refuses it, and both texts are shown with "Keep mine" / "Take theirs".
// Keys: N / P next / previous problem, R mark reviewed, E edit, Esc cancel, Ctrl/Cmd-Enter save.
;(() => {
  'use strict'
  const script = /** @type {HTMLScriptElement} */ (document.getElementById('pp-preview-client'))
  const { token = '', publication = '', language = '' } = script.dataset
  if (!publication || !language) return
  const root = document.documentElement
  const focusKey = 'pp-focus:' + location.pathname

  /** @typedef {{ id: string, author: string, date: string, text: string, resolved?: boolean, replies?: Reply[] }} Comment */
  /** @typedef {{ id: string, author: string, date: string, text: string }} Reply */
  /** @typedef {{ text: string, state: string, comments: Comment[], fingerprint: string }} EntryView */
  /** @type {Record<string, EntryView>} */
  let entries = {}

  /** @param {string} tag @param {Record<string, string>} [attributes] @param {(Node | string)[]} [children] */
  function el(tag, attributes = {}, children = []) {
    const node = document.createElement(tag)
    for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value)
    for (const child of children) node.append(child)
    return node
  }
  /** @param {string} label @param {() => void} action @param {Record<string, string>} [attributes] */
  function button(label, action, attributes = {}) {
    const b = el('button', { type: 'button', ...attributes }, [label])
    b.addEventListener('click', action)
    return b
  }

  /** @param {string} path @param {unknown} body */
  async function post(path, body) {
    const response = await fetch(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-press-token': token },
      body: JSON.stringify(body),
    })
    return { status: response.status, body: await response.json().catch(() => ({ error: response.statusText })) }
  }

  const live = el('p', { id: 'pp-live-summary', role: 'status', 'aria-live': 'polite' })
  function updateSummary() {
    const all = Object.values(entries)
    const count = (/** @type {(e: EntryView) => boolean} */ f) => all.filter(f).length
    live.textContent =
      `Review (${language}): ${count((e) => e.state === 'reviewed')} reviewed · ${count((e) => e.state === 'final')} final · ` +
      `${all.reduce((n, e) => n + e.comments.filter((c) => !c.resolved).length, 0)} open comments`
    live.dataset.reviewed = String(count((e) => e.state === 'reviewed'))
    live.dataset.final = String(count((e) => e.state === 'final'))
  }

  /** @param {HTMLElement} row */
  function controls(row) {
    const id = row.dataset.id || row.id
    const found = entries[id]
    const cell = row.querySelector('td.col-status') || row.lastElementChild
    const translationCell = /** @type {HTMLElement | null} */ (row.querySelector('td.col-b'))
    if (!found || !cell || !translationCell) return
    const entry = found
    const translation = translationCell
    const box = el('div', { class: 'pp-review', role: 'group', 'aria-label': `Review ${id}` })
    const stateLine = el('p', { class: 'pp-state' })
    const message = el('p', { class: 'pp-message', role: 'status', 'aria-live': 'polite' })
    const commentsList = el('ul', { class: 'pp-comments', 'aria-label': `Comments on ${id}` })
    const panel = el('div', { class: 'pp-panel' })
    const render = () => {
      stateLine.textContent = `State: ${entry.state}`
      commentsList.replaceChildren(...entry.comments.map((c) => commentItem(c)))
      updateSummary()
    }
    /** @param {Comment} c */
    const commentItem = (c) =>
      el('li', { class: c.resolved ? 'pp-resolved' : '' }, [
        el('p', {}, [`${c.author} (${c.date.slice(0, 10)})${c.resolved ? ', resolved' : ''}: `, c.text]),
        ...(c.replies || []).map((r) => el('p', { class: 'pp-reply' }, [`↳ ${r.author}: `, r.text])),
        ...(c.resolved
          ? []
          : [
              button('Reply', () => openText('reply', `Reply to ${c.author}`, (text) => ({ kind: 'comment', text, replyTo: c.id })), {
                'aria-label': `Reply ${c.id} of ${c.author}`,
              }),
              button('Resolve', () => decide({ kind: 'resolve', commentId: c.id }), { 'aria-label': `Resolve ${c.id} of ${c.author}` }),
            ]),
      ])

    /** @param {Record<string, unknown>} action */
    async function decide(action) {
      message.textContent = 'Saving…'
      const answer = await post('/__press/decision', { publication, language, id, expected: entry.fingerprint, action })
      if (answer.status === 200) {
        Object.assign(entry, { text: answer.body.entry.text, state: answer.body.entry.state })
        entry.comments = answer.body.entry.comments || []
        entry.fingerprint = answer.body.fingerprint
        message.textContent = 'Saved in the translation file.'
        close()
        render()
        return true
      }
      if (answer.status === 409) conflict(action, answer.body)
      else message.textContent = `Not saved: ${answer.body.error || answer.status}`
      return false
    }

    /** @param {Record<string, unknown>} action @param {{ message: string, theirs: { text: string } | null, fingerprint: string }} body */
    function conflict(action, body) {
      const mine = typeof action.text === 'string' ? action.text : JSON.stringify(action)
      const box = el('div', { class: 'pp-conflict', role: 'alert' }, [
        el('p', {}, [body.message]),
        el('h4', {}, ['Yours']),
        el('pre', { class: 'pp-mine' }, [mine]),
        el('h4', {}, ['On disk now']),
        el('pre', { class: 'pp-theirs' }, [body.theirs ? body.theirs.text : '(no entry)']),
        button('Keep mine', () => {
          entry.fingerprint = body.fingerprint
          decide(action)
        }),
        button('Take theirs', () => {
          entry.fingerprint = body.fingerprint
          if (body.theirs) entry.text = body.theirs.text
          close()
          message.textContent = 'Kept the text on disk.'
        }),
      ])
      panel.replaceChildren(box)
      message.textContent = 'Not saved: the entry changed on disk.'
    }

    function close() {
      panel.replaceChildren()
      root.dataset.ppEditing = String(document.querySelector('.pp-panel textarea') !== null)
      if (root.dataset.ppEditing === 'false') document.dispatchEvent(new Event('pp-editing-done'))
    }

    /** A labelled text box with Save / Cancel. @param {string} kind @param {string} label
     *  @param {(text: string) => Record<string, unknown>} action @param {string} [initial] */
    function openText(kind, label, action, initial = '') {
      const field = el('textarea', { id: `pp-${kind}-${id}`, 'aria-keyshortcuts': 'Control+Enter Meta+Enter Escape' })
      const area = /** @type {HTMLTextAreaElement} */ (field)
      area.value = initial
      const parts = [el('label', { for: field.id }, [label]), field]
      const preview = el('div', { class: 'pp-preview', 'aria-label': 'Preview', role: 'region' })
      const findings = el('ul', { class: 'pp-findings', 'aria-label': 'Checks' })
      if (kind === 'edit') {
        let timer = 0
        area.addEventListener('input', () => {
          clearTimeout(timer)
          timer = window.setTimeout(() => refresh(area.value, preview, findings), 300)
        })
        parts.push(preview, findings)
      }
      const save = async () => {
        if (area.value.trim() === '' && kind !== 'edit') return void (message.textContent = 'Write something first.')
        if ((await decide(action(area.value))) && kind === 'edit') refresh(entry.text, translation, findings)
      }
      parts.push(button(kind === 'needs-work' ? 'Send back' : 'Save', save, { 'aria-keyshortcuts': 'Control+Enter' }))
      parts.push(button('Cancel', close, { 'aria-keyshortcuts': 'Escape' }))
      field.addEventListener('keydown', (event) => {
        const key = /** @type {KeyboardEvent} */ (event)
        if (key.key === 'Enter' && (key.ctrlKey || key.metaKey)) {
          key.preventDefault()
          save()
        } else if (key.key === 'Escape') {
          key.preventDefault()
          close()
          row.focus()
        }
      })
      panel.replaceChildren(el('div', { class: `pp-${kind}` }, parts))
      root.dataset.ppEditing = 'true'
      area.focus()
      if (kind === 'edit') refresh(area.value, preview, findings)
    }

    /** The server renders the Markdown with the review page's renderer and sanitiser (never HTML made here from text).
     *  @param {string} text @param {HTMLElement} target @param {HTMLElement} findings */
    async function refresh(text, target, findings) {
      const answer = await post('/__press/render', { publication, language, id, text })
      if (answer.status !== 200) return
      const template = document.createElement('template')
      template.innerHTML = answer.body.html
      target.replaceChildren(template.content)
      findings.replaceChildren(
        .../** @type {{ level: string, rule: string, message: string }[]} */ (answer.body.findings).map((f) =>
          el('li', { class: `finding finding-${f.level}` }, [`${f.level} ${f.rule}: ${f.message}`]),
        ),
      )
    }

    const edit = () => openText('edit', `Translation of ${id} (Markdown)`, (text) => ({ kind: 'edit', text }), entry.text)
    const reviewed = () => decide({ kind: 'state', state: 'reviewed' })
    box.append(
      stateLine,
      button('Edit', edit, { 'aria-keyshortcuts': 'E', 'aria-label': `Edit ${id}` }),
      button('Mark reviewed', reviewed, { 'aria-keyshortcuts': 'R', 'aria-label': `Mark reviewed ${id}` }),
      button('Mark final', () => decide({ kind: 'state', state: 'final' }), { 'aria-label': `Mark final ${id}` }),
      button(
        'Needs work',
        () => openText('needs-work', `Why ${id} needs work (required)`, (text) => ({ kind: 'state', state: 'needs-work', comment: text })),
        { 'aria-label': `Needs work ${id}` },
      ),
      button('Comment', () => openText('comment', `Comment on ${id}`, (text) => ({ kind: 'comment', text })), {
        'aria-label': `Comment ${id}`,
      }),
      commentsList,
      panel,
      message,
    )
    cell.append(box)
    handlers.set(row, { edit, reviewed, close })
    render()
  }

  /** @type {Map<Element, { edit(): void, reviewed(): void, close(): void }>} */
  const handlers = new Map()
  const rows = () => /** @type {HTMLElement[]} */ ([...document.querySelectorAll('tbody tr')])
  const currentRow = () => {
    const active = document.activeElement
    return active && active.closest ? active.closest('tbody tr') : null
  }
  /** @param {1 | -1} step */
  function moveToProblem(step) {
    const all = rows()
    const problems = all.filter((row) => row.classList.contains('attention'))
    if (problems.length === 0) return
    const row = currentRow()
    const at = row ? all.indexOf(/** @type {HTMLElement} */ (row)) : -1
    const target =
      step > 0
        ? problems.find((r) => all.indexOf(r) > at) || problems[0]
        : [...problems].reverse().find((r) => all.indexOf(r) < at) || problems[problems.length - 1]
    target?.focus()
    target?.scrollIntoView({ block: 'center' })
  }

  document.addEventListener('keydown', (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return
    const t = /** @type {HTMLElement} */ (event.target)
    if (t && (t.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT', 'BUTTON'].includes(t.tagName))) return
    const row = currentRow()
    const actions = row ? handlers.get(row) : undefined
    const key = event.key.toLowerCase()
    if (key === 'p') moveToProblem(-1)
    else if (key === 'e' && actions) actions.edit()
    else if (key === 'r' && actions) actions.reviewed()
    else if (key === 'escape' && actions) actions.close()
    else return
    event.preventDefault()
  })
  window.addEventListener('beforeunload', () => {
    const row = currentRow()
    if (row) sessionStorage.setItem(focusKey, row.id)
  })

  fetch(`/__press/entries?publication=${encodeURIComponent(publication)}&language=${encodeURIComponent(language)}`, {
    headers: { 'x-press-token': token },
  })
    .then((r) => r.json())
    .then((body) => {
      entries = body.entries || {}
      const summary = document.querySelector('section.summary') || document.querySelector('main')
      summary?.append(live)
      for (const row of rows()) controls(row)
      updateSummary()
      const focused = sessionStorage.getItem(focusKey)
      sessionStorage.removeItem(focusKey)
      const row = focused ? document.getElementById(focused) : null
      if (row) row.focus({ preventScroll: true })
      root.dataset.ppReviewReady = 'true'
    })
})()
