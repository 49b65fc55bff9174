/**
 * `press build --shard K/N`: the build's units split into N shards balanced by
 * an estimated cost (source blocks × output weight, or the seconds an earlier
 * build recorded in .press-cache/timings.json), the same on every machine
 * given the same inputs and timings; shard K writes its units' files and
 * shard.json, which `press merge` reads.
 */
import * as z from 'zod'
import { inputsFingerprint } from '../../project/build-info.ts'
import type { Unit } from './units.ts'

export const SHARD_FILE = 'shard.json'

export interface ShardSpec {
  index: number
  count: number
}

/** `K/N` with 1 ≤ K ≤ N; undefined when it is not. */
export function parseShard(value: string): ShardSpec | undefined {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(value)
  const index = Number(match?.[1])
  const count = Number(match?.[2])
  return !match || count < 1 || index < 1 || index > count ? undefined : { index, count }
}

/** Relative cost of one unit per source block (a PDF is printed by Chromium; an EPUB subsets fonts). */
const weights: Readonly<Record<string, number>> = { html: 1, review: 1.5, epub: 3, pdf: 10, parallel: 12, assets: 0.5 }

export function estimatedCost(unit: Unit): number {
  return Math.max(1, unit.blocks) * (weights[unit.output?.name ?? 'assets'] ?? 5)
}

export interface Partition {
  shards: Unit[][]
  costs: number[]
  /** Costs are recorded seconds (else estimates). */
  timed: boolean
  /** Which timings were used: same inputs + same fingerprint → same split. */
  fingerprint: string
}

/**
 * Longest unit first onto the least loaded shard (ties: the lower shard, the
 * earlier unit). Recorded timings replace estimates, scaled to them, when
 * every unit has one; otherwise estimates are used throughout.
 */
export function partition(units: readonly Unit[], count: number, timings: Readonly<Record<string, number>>): Partition {
  const timed = units.length > 0 && units.every((u) => timings[u.name] !== undefined)
  const cost = (u: Unit): number => (timed ? Math.round(timings[u.name]! * 1000) / 1000 : estimatedCost(u))
  const sorted = [...units].sort((a, b) => cost(b) - cost(a) || a.order - b.order)
  const shards: Unit[][] = Array.from({ length: count }, () => [])
  const costs = new Array<number>(count).fill(0)
  for (const unit of sorted) {
    let best = 0
    for (let i = 1; i < count; i++) if (costs[i]! < costs[best]!) best = i
    shards[best]!.push(unit)
    costs[best]! += cost(unit)
  }
  for (const shard of shards) shard.sort((a, b) => a.order - b.order)
  const assignment = shards.map((s) => s.map((u) => u.name).join(','))
  return { shards, costs, timed, fingerprint: inputsFingerprint([timed ? 'timings' : 'estimates', ...assignment]) }
}

export function describePartition(p: Partition): string[] {
  const lines = [
    `${p.shards.length} shards (cost: ${p.timed ? 'seconds recorded in .press-cache/timings.json' : 'source blocks × output weight'}):`,
  ]
  p.shards.forEach((units, i) => {
    lines.push(`  shard ${i + 1}/${p.shards.length}: ${units.length} units, cost ${round(p.costs[i]!)}`)
    for (const unit of units) lines.push(`    ${unit.name}`)
  })
  return lines
}

function round(n: number): string {
  return n >= 100 ? String(Math.round(n)) : n.toFixed(1)
}

const cachedFile = z.object({ path: z.string(), size: z.number().int().nonnegative(), sha256: z.string().regex(/^[0-9a-f]{64}$/) })

/** shard.json: what one shard built, and from which inputs. */
export const shardManifestSchema = z.object({
  shard: z.object({ index: z.number().int().positive(), count: z.number().int().positive() }),
  tool: z.string().describe('tool version and code hash'),
  commit: z.string().optional().describe('git HEAD of the checkout, when it is one'),
  partition: z.string().describe('fingerprint of the split (units and timings used)'),
  options: z.object({
    publication: z.string().optional(),
    languages: z.array(z.string()).optional(),
    formats: z.array(z.string()).optional(),
    profile: z.literal('press').optional(),
  }),
  publications: z.array(
    z.object({
      id: z.string(),
      revision: z.string().describe('sources + ID lock'),
      inputs: z.string().describe('every input of every unit'),
      titles: z.record(z.string(), z.string()),
    }),
  ),
  /** Every unit of the whole build and the shard that builds it. */
  plan: z.array(z.object({ unit: z.string(), shard: z.number().int().positive() })),
  units: z.array(
    z.object({
      unit: z.string(),
      publication: z.string(),
      order: z.number().int().nonnegative(),
      files: z.array(cachedFile),
      editions: z.array(z.record(z.string(), z.unknown())),
    }),
  ),
})
export type ShardManifest = z.infer<typeof shardManifestSchema>
