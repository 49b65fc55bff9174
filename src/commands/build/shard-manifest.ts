/** shard.json: written by `press build --shard K/N` at the top of its output folder, read by `press merge`. */
import { execFileSync } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { problem, PressError } from '../../util/problems.ts'
import { writeFileAtomic } from '../../util/files.ts'
import { parseJsonFile } from '../../util/json.ts'
import type { PublicationPlan } from './units.ts'
import type { UnitResult } from './run.ts'
import { SHARD_FILE, shardManifestSchema, type Partition, type ShardManifest, type ShardSpec } from './shard.ts'

interface ShardOptions {
  publication?: string | undefined
  languages?: string[] | undefined
  formats?: readonly string[] | undefined
  profile?: 'press' | undefined
}

export async function writeShardManifest(
  outDir: string,
  options: ShardOptions,
  shard: ShardSpec,
  split: Partition,
  runs: readonly { plan: PublicationPlan; results: readonly UnitResult[]; titles: Record<string, string> }[],
  plans: readonly PublicationPlan[],
): Promise<string> {
  const shardOf = new Map(split.shards.flatMap((units, i) => units.map((u) => [u.name, i + 1] as const)))
  const commit = gitHead(plans[0]?.publication.root)
  const manifest: ShardManifest = {
    shard,
    tool: plans[0]?.tool ?? '',
    ...(commit ? { commit } : {}),
    partition: split.fingerprint,
    options: {
      ...(options.publication ? { publication: options.publication } : {}),
      ...(options.languages ? { languages: options.languages } : {}),
      ...(options.formats ? { formats: [...options.formats] } : {}),
      ...(options.profile ? { profile: options.profile } : {}),
    },
    publications: runs.map(({ plan, titles }) => ({
      id: plan.publication.config.id,
      revision: plan.revision,
      inputs: plan.inputs,
      titles,
    })),
    plan: plans.flatMap((p) => p.units.map((u) => ({ unit: u.name, shard: shardOf.get(u.name)! }))),
    units: runs.flatMap(({ plan, results }) =>
      results.map((r) => ({
        unit: r.unit.name,
        publication: plan.publication.config.id,
        order: r.unit.order,
        files: r.files,
        editions: r.facts.editions,
      })),
    ),
  }
  const path = join(outDir, SHARD_FILE)
  await writeFileAtomic(path, JSON.stringify(manifest, null, 2) + '\n')
  return path
}

export async function readShardManifest(dir: string, shown: string): Promise<ShardManifest> {
  const path = join(dir, SHARD_FILE)
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch {
    throw new PressError(
      problem(`${shown} has no ${SHARD_FILE}: it is not the output of \`press build --shard K/N\`.`, {
        file: join(shown, SHARD_FILE),
        hint: 'Pass the folders that `press build --shard K/N --out <dir>` wrote.',
      }),
    )
  }
  return parseJsonFile(text, join(shown, SHARD_FILE), shardManifestSchema, 'shard manifest').value
}

/** The checkout's commit, when the project is a git checkout with one. */
export function gitHead(root: string | undefined): string | undefined {
  if (!root) return undefined
  try {
    const head = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim()
    return /^[0-9a-f]{40}$/.test(head) ? head : undefined
  } catch {
    return undefined
  }
}
