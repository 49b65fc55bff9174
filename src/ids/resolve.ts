/**
 * Paragraph IDs of a publication: read the lock, assign IDs to the current
 * blocks, and (when allowed) write the updated lock.
 */
import { join, relative } from 'node:path'
import type { Publication } from '../project/load.ts'
import { assignIds, type Assignment } from './assign.ts'
import { isOutdated, LOCK_FILE, pruneRetired, readLock, serializeLock } from './lock.ts'
import type { Block } from '../source/segment.ts'
import { writeFileAtomic } from '../util/files.ts'
import { withFileLock } from '../util/lock.ts'
import { problem, PressError } from '../util/problems.ts'
import { readSources, type Sources } from '../source/read.ts'

export interface IdentifiedSources extends Sources {
  assignment: Assignment
  /** ID of each block, parallel to `blocks`. */
  ids: string[]
  /** The block for each ID. */
  byId: Map<string, Block>
  lockPath: string
}

export interface ResolveOptions {
  /** Refuse to mint IDs (CI builds): fail naming every block without one. */
  frozen: boolean
  /** Write the lock when it changed. */
  write: boolean
  /** Also write a lock read in an older version, in the current one (`press ids`). */
  upgrade?: boolean
  /** Drop the texts of retired IDs: they can no longer come back, and are still never minted again. */
  pruneRetired?: boolean
  /** Keep parsed sources in .press-cache/ (default true; `press build --no-cache` turns it off). */
  cache?: boolean
}

export async function resolveIds(publication: Publication, options: ResolveOptions): Promise<IdentifiedSources> {
  const lockPath = relative(publication.root, join(publication.dir, LOCK_FILE))
  // A writer reads, assigns and writes the lock while holding it: two presses never lose each other's IDs.
  if (options.write) return withFileLock(join(publication.root, lockPath), () => resolve(publication, options, lockPath))
  return resolve(publication, options, lockPath)
}

async function resolve(publication: Publication, options: ResolveOptions, lockPath: string): Promise<IdentifiedSources> {
  const sources = await readSources(publication, options.cache !== false)
  const { lock, exists } = await readLock(join(publication.root, lockPath), lockPath)
  const assigned = assignIds(lock, sources.blocks)
  const assignment = options.pruneRetired
    ? {
        ...assigned,
        lock: pruneRetired(assigned.lock),
        changed: assigned.changed || assigned.lock.retired.some((r) => r.text !== undefined),
      }
    : assigned
  const minted = assignment.changes.filter((change) => change.how === 'minted')
  if (options.frozen && minted.length > 0) {
    throw new PressError(
      minted.map((change) =>
        problem(`This ${change.block.kind} has no paragraph ID in ${lockPath}, and IDs are frozen.`, {
          file: change.block.file,
          place: { line: change.block.line, column: change.block.column },
          hint: exists
            ? 'Run `press ids` and commit the updated lock (CI builds never mint IDs).'
            : `There is no ${lockPath}: run \`press ids\` and commit it.`,
          ruleId: 'frozen-ids',
        }),
      ),
    )
  }
  const outdated = exists && isOutdated(lock) && options.upgrade === true
  if (options.write && (assignment.changed || outdated))
    await writeFileAtomic(join(publication.root, lockPath), serializeLock(assignment.lock), { root: publication.root })
  const byId = new Map(sources.blocks.map((block, i) => [assignment.ids[i]!, block]))
  return { ...sources, assignment, ids: assignment.ids, byId, lockPath }
}
