import type { Output } from '../output.ts'
import { span } from '../../util/trace.ts'

export const reviewOutput = {
  name: 'review',
  format: 'html',
  description: 'one review page per target language: the source beside the translation, with status, changes and QA findings',
  files: ['review/<a>-<b>.html', 'assets/review.css', 'assets/review-<a>-<b>.fonts.css'],
  inputs: ['sources', 'lock', 'translations', 'ui-strings', 'templates', 'fonts', 'config'],
  async write(context) {
    const { writeReviewPages } = await import('./index.ts') // loaded when it runs: a cached build plans with the registry only
    const { publication, sources, translations, editions, dir, pairs } = context
    await span('review pages', () =>
      writeReviewPages({
        publication,
        sources,
        translations,
        editions,
        dir,
        pairs,
        fontSettings: context.fontSettings,
        write: context.write,
      }),
    )
    return []
  },
} as const satisfies Output
