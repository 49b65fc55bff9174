/**
 * The review page of a language pair: a static HTML file, one table row per
 * paragraph ID. Built as hast and serialised by hast-util-to-html; content
 * from translation files only ever enters as escaped text (see markdown.ts).
 */
import type { Element, ElementContent, Root } from 'hast'
import { h } from 'hastscript'
import { serializeHtmlAround } from '../serialize.ts'
import type { Localizer } from '../../i18n/instance.ts'
import { wordDiff } from './diff.ts'
import { blockHast } from './markdown.ts'
import { countSummary, needsAttention, summaryCounts, type Row, type Side, type SummaryCount } from './rows.ts'
import { renderComments } from './comments.ts'
import { reviewScript, reviewScriptHash } from './script.ts'

export interface PageLanguage {
  code: string
  dir: 'ltr' | 'rtl'
}

export interface ReviewPageInput {
  publication: string
  title: string
  sourceLanguage: string
  a: PageLanguage
  b: PageLanguage
  /** Interface strings (in b's language). */
  localizer: Localizer
  dir: 'ltr' | 'rtl'
  /** Language names in the interface language. */
  languageName(code: string): string
  rows: Row[]
  /** Stylesheets relative to the page. */
  styles: string[]
  /** How the source language's blocks become elements (default blockHast; writeReviewPages shares memoBlockHast). */
  sourceBlocks?: typeof blockHast
}

export function renderReviewPage(input: ReviewPageInput): string {
  const { localizer: l, a, b, rows } = input
  const ui = { lang: l.language, dir: input.dir }
  const names = { a: input.languageName(a.code), b: input.languageName(b.code) }
  const heading = l.t('reviewTitle', { title: input.title, source: names.a, target: names.b })
  const counts = countSummary(rows)
  const attention = rows.filter(needsAttention).length
  // The rows are made one at a time as they are serialised (serializeHtmlAround): never the whole table at once.
  const body = h('tbody')
  const tree: Root = {
    type: 'root',
    children: [
      { type: 'doctype' },
      h('html', { lang: l.language, dir: input.dir }, [
        h('head', [
          h('meta', { charSet: 'utf-8' }),
          h('meta', {
            httpEquiv: 'Content-Security-Policy',
            content: `script-src '${reviewScriptHash}'; object-src 'none'; base-uri 'none'; form-action 'none'`,
          }),
          h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
          h('meta', { name: 'robots', content: 'noindex' }),
          h('title', `${l.t('review')}: ${names.a} – ${names.b} · ${input.title}`),
          ...input.styles.map((href) => h('link', { rel: 'stylesheet', href })),
        ]),
        h('body', [
          h('header.review-header', [h('p.kicker', l.t('review')), h('h1', heading)]),
          h('main#pp-main', [
            h('section.summary', { ariaLabelledBy: 'pp-summary-title', dataSummary: '' }, [
              h('h2#pp-summary-title', l.t('summary')),
              h('p.total', l.t('rows', { count: rows.length })),
              h(
                'ul.counts',
                summaryCounts.map((count) =>
                  h('li', { dataCount: count }, [
                    h(`span.status.status-${count}`, summaryLabel(count, l)),
                    ' ',
                    h('strong', String(counts[count])),
                  ]),
                ),
              ),
              h('div.controls', [
                h('p', [
                  h('input#pp-needs-attention', { type: 'checkbox' }),
                  ' ',
                  h('label', { htmlFor: 'pp-needs-attention' }, `${l.t('needsAttention')} (${attention})`),
                ]),
                h('p', [
                  h('button#pp-next-problem', { type: 'button', hidden: true, ariaKeyShortcuts: 'N' }, l.t('nextProblem')),
                  ' ',
                  h('span.hint', l.t('nextProblemHint')),
                ]),
              ]),
            ]),
            h('table.review', { dir: 'ltr', ariaLabelledBy: 'pp-table-title', dataLanguage: reviewedLanguage(input) }, [
              h('caption#pp-table-title', ui, heading),
              h('thead', [
                h('tr', [
                  h('th.col-id', { scope: 'col', ...ui }, l.t('paragraphId')),
                  h('th.col-a', { scope: 'col', ...ui }, names.a),
                  h('th.col-b', { scope: 'col', ...ui }, names.b),
                  h('th.col-status', { scope: 'col', ...ui }, l.t('status')),
                ]),
              ]),
              body,
            ]),
          ]),
          h('script', reviewScript),
        ]),
      ]),
    ],
  }
  const rendered = (function* () {
    for (const row of rows) yield renderRow(row, input, ui)
  })()
  return serializeHtmlAround(tree, body, rendered, { scripts: [reviewScript] }) + '\n'
}

function renderRow(row: Row, input: ReviewPageInput, ui: { lang: string; dir: 'ltr' | 'rtl' }): Element {
  const { localizer: l } = input
  const attention = needsAttention(row)
  const orphan = row.status === 'orphan'
  return h(
    'tr',
    {
      id: row.id,
      tabIndex: -1,
      className: ['row', `row-${row.status}`, `kind-${row.kind}`, ...(attention ? ['attention'] : [])],
      dataStatus: row.status,
      dataId: row.id,
      ...(row.fingerprint ? { dataFingerprint: row.fingerprint } : {}),
      ...(row.progress ? { dataProgress: row.progress } : {}),
    },
    [
      h('th.col-id', { scope: 'row', ...ui }, [
        h('a.permalink', { href: `#${row.id}` }, h('code', { lang: 'zxx', dir: 'ltr' }, row.id)),
        row.noteLabel ? h('span.note-label', ` [^${row.noteLabel}]`) : undefined,
        orphan
          ? undefined
          : h('span.edition-links', [
              ...editionLinks(row.id, input.a.code, input),
              ...editionLinks(row.id, input.b.code, input),
              ...parallelLink(row.id, input),
            ]),
      ]),
      renderSide(row, row.a, input, 'col-a'),
      renderSide(row, row.b, input, 'col-b'),
      h('td.col-status', ui, [
        h(`p.status.status-${row.status}`, l.t(`status_${row.status}`)),
        row.progress ? h(`p.status.status-${row.progress}`, l.t(`status_${row.progress}`)) : undefined,
        row.translatorNote ? renderTranslatorNote(row.translatorNote, input) : undefined,
        ...[row.a, row.b].flatMap((side) => (side.change ? [renderChange(side, input)] : [])),
        row.findings.length > 0
          ? h('div.findings', [
              h('p.findings-title', l.t('checks')),
              h(
                'ul',
                row.findings.map((f) =>
                  h(`li.finding.finding-${f.level}`, [
                    h('span.level', `${l.t(`level_${f.level}`)} `),
                    h('code.rule', { lang: 'zxx', dir: 'ltr' }, f.rule),
                    ' ',
                    h('span.message', { lang: 'en', dir: 'ltr' }, f.message),
                  ]),
                ),
              ),
            ])
          : undefined,
        orphan ? undefined : renderComments(row.comments, l, row.id),
      ]),
    ],
  )
}

/** The language whose entries the page reviews (b, or a when b is the source). */
function reviewedLanguage(input: ReviewPageInput): string {
  return input.b.code === input.sourceLanguage ? input.a.code : input.b.code
}

function summaryLabel(count: SummaryCount, l: ReviewPageInput['localizer']): string {
  return count === 'open-comments' ? l.t('openComments') : l.t(`status_${count}`)
}

function renderSide(row: Row, side: Side, input: ReviewPageInput, column: string): Element {
  const { localizer: l } = input
  const language = input.a.code === side.language ? input.a : input.b
  const shownDir =
    side.shownLanguage === language.code
      ? language.dir
      : side.shownLanguage === input.a.code
        ? input.a.dir
        : side.shownLanguage === input.b.code
          ? input.b.dir
          : 'ltr'
  const children: ElementContent[] = []
  if (side.state === 'missing') {
    children.push(
      h(
        'p.missing',
        { lang: l.language, dir: input.dir },
        side.text ? l.t('missingTranslation', { source: input.languageName(side.shownLanguage) }) : l.t('status_missing'),
      ),
    )
  }
  const render = side.shownLanguage === input.sourceLanguage ? (input.sourceBlocks ?? blockHast) : blockHast
  if (side.text) children.push(...render(side.text, row.kind))
  return h(`td.${column}`, { lang: side.shownLanguage, dir: shownDir, className: [`side-${side.state}`] }, children)
}

/** The source's note for the translator: a text node (escaped on output), never parsed as Markdown or HTML. */
function renderTranslatorNote(note: string, input: ReviewPageInput): Element {
  const { localizer: l } = input
  const dir = input.sourceLanguage === input.a.code ? input.a.dir : input.sourceLanguage === input.b.code ? input.b.dir : 'ltr'
  return h('div.translator-note', [
    h('p.translator-note-title', l.t('translatorNote')),
    h('p.translator-note-text', { lang: input.sourceLanguage, dir }, note),
  ])
}

function renderChange(side: Side, input: ReviewPageInput): Element {
  const { localizer: l } = input
  const { nodes } = wordDiff(side.change!.from, side.change!.to)
  const dir = input.sourceLanguage === input.a.code ? input.a.dir : input.sourceLanguage === input.b.code ? input.b.dir : 'ltr'
  return h('div.change', [
    h('p.change-title', `${l.t('sourceChanged')} (${input.languageName(side.language)})`),
    h('p.diff', { lang: input.sourceLanguage, dir }, nodes),
  ])
}

function editionLinks(id: string, language: string, input: ReviewPageInput): Element[] {
  const { localizer: l } = input
  const name = input.languageName(language)
  const link = (format: 'HTML' | 'PDF', href: string): Element =>
    h(
      'a.edition-link',
      { href: `${href}#${id}`, hrefLang: language, title: l.t('paragraphInFormat', { language: name, format }) },
      `${language} ${format}`,
    )
  return [link('HTML', `../${language}/index.html`), link('PDF', `../${language}/${input.publication}.${language}.pdf`)]
}

/** The pair's parallel-text PDF (`press build` writes it for each pair it writes a review page of; so does `press review a b`). */
function parallelLink(id: string, input: ReviewPageInput): Element[] {
  const { a, b, localizer: l } = input
  const language = `${input.languageName(a.code)} – ${input.languageName(b.code)}`
  return [
    h(
      'a.edition-link',
      { href: `../parallel/${a.code}-${b.code}.pdf#${id}`, title: l.t('paragraphInFormat', { language, format: l.t('parallelText') }) },
      `${a.code}-${b.code} PDF`,
    ),
  ]
}
