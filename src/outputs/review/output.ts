import type { Output } from '../output.ts'
import { REVIEW_DIR, writeReviewPages } from './index.ts'

export const reviewOutput = {
  name: 'review',
  format: 'html',
  description: 'one review page per target language: the source beside the translation, with status, changes and QA findings',
  files: [`${REVIEW_DIR}/<a>-<b>.html`, 'assets/review.css', 'assets/review-<a>-<b>.fonts.css'],
  inputs: ['sources', 'lock', 'translations', 'ui-strings', 'templates', 'fonts', 'config'],
  async write(context) {
    const { publication, sources, translations, editions, dir, pairs } = context
    await writeReviewPages({ publication, sources, translations, editions, dir, pairs, write: context.write })
    return []
  },
} as const satisfies Output
