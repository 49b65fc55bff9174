/** `press ids`: update each publication's ID lock and say what happened to every ID. */
import type { Assignment } from '../ids/assign.ts'
import { resolveIds } from '../ids/resolve.ts'
import type { Logger } from '../util/logger.ts'
import { findPublications } from '../project/paths.ts'

export interface IdsOptions {
  /** Say what would happen; write nothing. */
  dryRun?: boolean
  /** Drop the texts of retired IDs (they can no longer come back; they are still never minted again). */
  pruneRetired?: boolean
}

export interface IdsReport {
  publication: string
  lockPath: string
  kept: number
  moved: string[]
  rematched: string[]
  split: string[]
  merged: string[]
  revived: string[]
  minted: string[]
  retired: string[]
  changed: boolean
  written: boolean
}

export async function updateIds(
  root: string,
  publication: string | undefined,
  logger: Logger,
  options: IdsOptions = {},
): Promise<IdsReport[]> {
  const reports: IdsReport[] = []
  for (const pub of await findPublications(root, publication)) {
    const sources = await resolveIds(pub, {
      frozen: false,
      write: options.dryRun !== true,
      upgrade: true,
      pruneRetired: options.pruneRetired === true,
    })
    const report = summarize(pub.config.id, sources.lockPath, sources.assignment, options.dryRun !== true)
    describe(report, sources.assignment, logger, options.dryRun === true)
    reports.push(report)
  }
  return reports
}

function summarize(publication: string, lockPath: string, a: Assignment, writes: boolean): IdsReport {
  const ids = (how: string[]): string[] => a.changes.filter((c) => how.includes(c.how)).map((c) => c.id)
  return {
    publication,
    lockPath,
    kept: ids(['kept']).length,
    moved: ids(['moved']),
    rematched: ids(['edited', 'rewritten']),
    split: ids(['split']),
    merged: ids(['merged']),
    revived: ids(['revived']),
    minted: ids(['minted']),
    retired: a.retired.map((r) => r.id),
    changed: a.changed,
    written: writes && a.changed,
  }
}

const excerpt = (text: string): string => `${text.slice(0, 60).replace(/\s+/g, ' ')}${text.length > 60 ? '…' : ''}`

function describe(report: IdsReport, a: Assignment, logger: Logger, dryRun: boolean): void {
  const where = (id: string): string => {
    const change = a.changes.find((c) => c.id === id)
    return change ? `${change.block.file}:${change.block.line}` : ''
  }
  const counts = [
    `${report.kept} kept`,
    `${report.moved.length} moved`,
    `${report.rematched.length} re-matched after an edit`,
    `${report.minted.length} minted`,
    `${report.retired.length} retired`,
    `${report.split.length} split`,
    `${report.merged.length} merged`,
    `${report.revived.length} revived`,
  ]
  const tail = dryRun ? ' (dry run: lock not written)' : report.changed ? '' : ' (lock unchanged)'
  logger.info(`${report.lockPath}: ${dryRun ? 'would have ' : ''}${counts.join(', ')}${tail}`)
  for (const id of report.moved) logger.info(`  moved      ${id}  ${where(id)}`)
  for (const id of report.rematched) logger.info(`  re-matched ${id}  ${where(id)}`)
  for (const id of report.split) logger.info(`  split      ${id}  ${where(id)} (the first part keeps the ID)`)
  for (const id of report.merged) logger.info(`  merged     ${id}  ${where(id)} (the first ID survives)`)
  for (const id of report.revived) logger.info(`  revived    ${id}  ${where(id)}`)
  for (const id of report.minted) logger.info(`  minted     ${id}  ${where(id)}`)
  for (const entry of a.retired) logger.info(`  retired    ${entry.id}  (was: ${excerpt(entry.text)})`)
}
