/** What src/outputs/pdf/paginator.js (injected into the print page as a script) defines there. */
interface PpTypesetting {
  /** Lines kept at the foot of a page when a paragraph is split. */
  orphans?: number
  /** Lines carried to the head of the next page. */
  widows?: number
}

interface PpPagination {
  pages: number
  /** Page (1-based) of every table-of-contents target. */
  targets: Record<string, number>
  /** Text of every heading on the pages, in order (bookmark titles). */
  headings: string[]
  warnings: string[]
}

/** A place in a paragraph's text (line-breaks.js); a negative offset is the text node's end. */
type PpPlace = { node: Text; offset: number }
/** A break opportunity of a justified paragraph, measured by line-breaks.js, chosen by line-choice.js. */
type PpBreak = {
  kind: 'glue' | 'shy' | 'dash'
  at: PpPlace
  width: number
  before: number
  after: number
  glues: number
  space: number
  room: number
  count: number
}
/** The chosen breaks of a paragraph, its line count and each line's letter-spacing (px). */
type PpPlan = { breaks: PpBreak[]; chosen: number[]; lines: number; track: number[] }

interface Window {
  ppPaginate(options?: PpTypesetting): Promise<PpPagination>
  /** src/outputs/pdf/soft-hyphens.js: soft hyphens become hyphens where lines break at them, the others go. */
  ppSettleSoftHyphens(root: HTMLElement): void
  /** src/outputs/pdf/soft-hyphens.js: a page cut inside a word ends its first part with a soft hyphen, and back. */
  ppMarkWordCut(first: HTMLElement): void
  /** src/outputs/pdf/line-breaks.js: optimal line breaks fixed in the justified paragraphs of the flow. */
  ppSetLines(): Promise<void>
  /** src/outputs/pdf/line-choice.js: the least-demerits line breaks of a measured paragraph. */
  ppChooseLines(breaks: PpBreak[], available: number, indent: number, trackMax: number): PpPlan | null
  /** src/outputs/pdf/line-choice.js: a plan's lines fixed in its paragraph's text; what puts it back, where its lines end. */
  ppApplyLines(p: HTMLElement, plan: PpPlan): { original: Node[]; ends: number[] }
  ppUnmarkWordCut(first: HTMLElement): void
  /** src/outputs/pdf/running-heads.js: running heads wider than a page shortened at a word. */
  ppFitRunningHeads(): void
}
