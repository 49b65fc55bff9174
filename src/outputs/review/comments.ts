/**
 * A row's comments on the review page, read-only: author, date, text (as
 * escaped text, never markup), resolved or open, needs-work, and the replies.
 * `press preview` adds its controls next to `[data-comments]`.
 */
import type { Element } from 'hast'
import { h } from 'hastscript'
import type { Localizer } from '../../i18n/instance.ts'
import type { Comment, Reply } from '../../i18n/translation-file.ts'

export function renderComments(comments: readonly Comment[], l: Localizer, id: string): Element {
  return h('div.comments', { dataComments: id }, [
    comments.length > 0 ? h('p.comments-title', l.t('comments')) : undefined,
    comments.length > 0
      ? h(
          'ol.comment-list',
          comments.map((c) =>
            h(
              'li.comment',
              {
                dataCommentId: c.id,
                dataResolved: String(c.resolved),
                className: [c.resolved ? 'comment-resolved' : 'comment-open', ...(c.needsWork ? ['comment-needs-work'] : [])],
              },
              [
                byline(c),
                c.needsWork ? h('span.badge.badge-needs-work', l.t('commentNeedsWork')) : undefined,
                c.resolved ? h('span.badge.badge-resolved', l.t('commentResolved')) : undefined,
                h('p.comment-text', { dir: 'auto' }, c.text),
                c.replies && c.replies.length > 0
                  ? h(
                      'ol.replies',
                      c.replies.map((r) => h('li.reply', [byline(r), h('p.comment-text', { dir: 'auto' }, r.text)])),
                    )
                  : undefined,
              ],
            ),
          ),
        )
      : undefined,
  ])
}

function byline(c: Comment | Reply): Element {
  return h('p.byline', [h('span.author', { dir: 'auto' }, c.author), ' · ', h('time', { dateTime: c.date }, c.date)])
}
