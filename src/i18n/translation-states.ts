/** The states a translation file names (src/i18n/translation-file.ts), shared with its schemas (translation-schema.ts). */
export const reviewStatuses = ['unreviewed', 'in-review', 'reviewed', 'approved'] as const
export type ReviewStatus = (typeof reviewStatuses)[number]

/** Workflow state of one entry, as in XLIFF 2. */
export const entryStates = ['initial', 'translated', 'reviewed', 'final'] as const
export type EntryState = (typeof entryStates)[number]

/** The last decision on an entry made on the review page: what, by whom, when. */
export const decisionActions = ['edited', 'reviewed', 'final', 'needs-work'] as const
export type DecisionAction = (typeof decisionActions)[number]
