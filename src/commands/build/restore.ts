/**
 * Work units restored from the cache: each file written again byte for byte
 * (or left alone when the output folder already holds those bytes), with the
 * manifest facts the unit's output returned when it ran.
 */
import { readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import type { VFileMessage } from 'vfile-message'
import { problem } from '../../util/problems.ts'
import { writeFileAtomic } from '../../util/files.ts'
import type { Logger } from '../../util/logger.ts'
import { sha256, type CachedFile, type UnitCache } from '../../project/cache.ts'
import type { EditionFile } from '../../outputs/downloads/manifest.ts'
import type { PublicationPlan, Unit } from './units.ts'

export interface RestoreEnv {
  outDir: string
  cache: UnitCache
  logger: Logger
}

/** What a unit's output returned, kept in its cache record. */
export interface UnitFacts {
  editions: EditionFile[]
  /** The shared-assets unit: the publication's title in each language. */
  titles?: Record<string, string>
  /** The shared-assets unit: the warnings the build reported (an edition's carry its language), replayed when all is cached. */
  warnings?: Warning[]
}

export interface Warning {
  language?: string
  reason: string
  file: string
  line?: number
  column?: number
  ruleId?: string
  note?: string
}

export const warning = (m: VFileMessage, language?: string): Warning => ({
  ...(language ? { language } : {}),
  reason: m.reason,
  file: m.file ?? '',
  ...(m.line ? { line: m.line } : {}),
  ...(m.column ? { column: m.column } : {}),
  ...(m.ruleId ? { ruleId: m.ruleId } : {}),
  ...(m.note ? { note: m.note } : {}),
})

export const revive = (w: Warning): VFileMessage =>
  problem(w.reason, {
    file: w.file,
    place: w.line ? { line: w.line, column: w.column ?? 1 } : undefined,
    hint: w.note,
    ruleId: w.ruleId,
    fatal: false,
  })

export interface UnitResult {
  unit: Unit
  files: CachedFile[]
  facts: UnitFacts
  reused: boolean
  seconds: number
}

export interface PublicationRun {
  results: UnitResult[]
  titles: Record<string, string>
  /** Absolute paths written. */
  written: string[]
  /** Absolute paths of restored files the output folder already held byte for byte (not written again). */
  unchanged: string[]
}

/**
 * Every unit of the publication asked for is cached (and the shared assets,
 * whose record has the titles and warnings): restore them, parse nothing.
 * Undefined when one is not (or a cached file turned out damaged).
 */
export async function restorePublication(
  plan: PublicationPlan,
  names: ReadonlySet<string>,
  env: RestoreEnv,
): Promise<PublicationRun | undefined> {
  const wanted = plan.units.filter((u) => names.has(u.name))
  const records = await Promise.all(wanted.map((u) => env.cache.get<UnitFacts>(u.fingerprint)))
  const assets = await env.cache.get<UnitFacts>(plan.units.find((u) => u.output === undefined)!.fingerprint)
  if (!assets?.facts.titles || records.some((r) => r === undefined)) return undefined
  const run: PublicationRun = { results: [], titles: assets.facts.titles, written: [], unchanged: [] }
  for (const [i, unit] of wanted.entries()) run.results.push(await restore(unit, records[i]!, env, run))
  if (run.results.some((r) => !r.reused)) return undefined
  const shown = new Set(wanted.flatMap((u) => (u.output ? u.languages : [])))
  for (const w of assets.facts.warnings ?? []) if (!w.language || shown.has(w.language)) env.logger.problem(revive(w))
  return run
}

/**
 * Write a cached unit's files again (byte for byte) where the output folder does not already hold them;
 * `reused: false` when a blob turned out damaged.
 */
export async function restore(
  unit: Unit,
  record: { files: CachedFile[]; facts: UnitFacts; seconds: number },
  env: RestoreEnv,
  done: { written: string[]; unchanged: string[] },
): Promise<UnitResult> {
  for (const file of record.files) {
    const path = join(env.outDir, ...file.path.split('/'))
    if (done.written.includes(path) || done.unchanged.includes(path)) continue // a file several units share (a review font)
    if (await holds(path, file)) {
      done.unchanged.push(path)
      continue
    }
    const bytes = await env.cache.read(file)
    if (!bytes) return { unit, files: record.files, facts: record.facts, reused: false, seconds: 0 }
    await writeFileAtomic(path, bytes)
    done.written.push(path)
  }
  return { unit, files: record.files, facts: record.facts, reused: true, seconds: record.seconds }
}

/** Does `path` already hold exactly this file? */
async function holds(path: string, file: CachedFile): Promise<boolean> {
  const size = await stat(path).then(
    (s) => s.size,
    () => -1,
  )
  return size === file.size && sha256(await readFile(path)) === file.sha256
}
