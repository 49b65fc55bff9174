/** `press ids`: update each publication's ID lock and say what happened to every ID. */
import type { Assignment } from '../ids/assign.ts'
import { resolveIds } from '../ids/resolve.ts'
import type { Logger } from '../util/logger.ts'
import { findPublications } from '../project/paths.ts'

export interface IdsReport {
  publication: string
  lockPath: string
  kept: number
  moved: string[]
  rematched: string[]
  minted: string[]
  retired: string[]
  changed: boolean
}

export async function updateIds(root: string, publication: string | undefined, logger: Logger): Promise<IdsReport[]> {
  const reports: IdsReport[] = []
  for (const pub of await findPublications(root, publication)) {
    const sources = await resolveIds(pub, { frozen: false, write: true })
    const report = summarize(pub.config.id, sources.lockPath, sources.assignment)
    describe(report, sources.assignment, logger)
    reports.push(report)
  }
  return reports
}

function summarize(publication: string, lockPath: string, a: Assignment): IdsReport {
  const ids = (how: string[]): string[] => a.changes.filter((c) => how.includes(c.how)).map((c) => c.id)
  return {
    publication,
    lockPath,
    kept: ids(['kept']).length,
    moved: ids(['moved']),
    rematched: ids(['edited', 'rewritten']),
    minted: ids(['minted']),
    retired: a.retired.map((r) => r.id),
    changed: a.changed,
  }
}

function describe(report: IdsReport, a: Assignment, logger: Logger): void {
  const where = (id: string): string => {
    const change = a.changes.find((c) => c.id === id)
    return change ? `${change.block.file}:${change.block.line}` : ''
  }
  logger.info(
    `${report.lockPath}: ${report.kept} kept, ${report.moved.length} moved, ${report.rematched.length} re-matched after an edit, ${report.minted.length} minted, ${report.retired.length} retired${report.changed ? '' : ' (lock unchanged)'}`,
  )
  for (const id of report.moved) logger.info(`  moved      ${id}  ${where(id)}`)
  for (const id of report.rematched) logger.info(`  re-matched ${id}  ${where(id)}`)
  for (const id of report.minted) logger.info(`  minted     ${id}  ${where(id)}`)
  for (const entry of a.retired)
    logger.info(`  retired    ${entry.id}  (was: ${entry.text.slice(0, 60)}${entry.text.length > 60 ? '…' : ''})`)
}
