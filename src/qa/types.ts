/** QA findings: what a check says about one pair of texts (one paragraph ID). */
export const findingLevels = ['error', 'warning'] as const
export type FindingLevel = (typeof findingLevels)[number]

export interface Finding {
  level: FindingLevel
  /** Rule id, e.g. `footnotes`, `numbers`. */
  rule: string
  message: string
}

/** One paragraph in two languages: the reference text (usually the source) and the translation checked against it. */
export interface QaPair {
  source: string
  target: string
  sourceLanguage: string
  targetLanguage: string
}

/** A check is a pure function over the pair. */
export type Check = (pair: QaPair) => Finding[]
