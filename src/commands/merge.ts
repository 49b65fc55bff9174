/**
 * `press merge DIR… --out DIR`: the shards of one build (`press build --shard K/N`)
 * assembled into one output folder, with each publication's manifest.json and
 * the download pages written from the whole set, so the result is byte for
 * byte the output of a build on one machine. Refuses shards built from
 * different inputs (tool, commit, sources, any input of a unit) or split
 * differently, a shard given twice, and units no shard built.
 */
import { readFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { problem, PressError } from '../util/problems.ts'
import { writeFileAtomic } from '../util/files.ts'
import type { Logger } from '../util/logger.ts'
import { sha256 } from '../project/cache.ts'
import { writeDownloads, type EditionFile, type PublicationResult } from '../outputs/downloads/downloads.ts'
import { planBuild } from './build.ts'
import type { Format } from '../outputs/registry.ts'
import { readShardManifest } from './build/shard-manifest.ts'
import { SHARD_FILE, type ShardManifest } from './build/shard.ts'

export interface MergeOptions {
  root: string
  /** The shards' output folders (relative to the root or absolute). */
  dirs: string[]
  outDir: string
}

interface Shard {
  dir: string
  manifest: ShardManifest
}

export async function merge(options: MergeOptions, logger: Logger): Promise<{ files: string[]; shards: number; units: number }> {
  const shards: Shard[] = []
  for (const dir of options.dirs) shards.push({ dir, manifest: await readShardManifest(resolve(options.root, dir), dir) })
  const first = shards[0]!.manifest
  same(shards, 'tool version', (m) => m.tool)
  same(shards, 'commit', (m) => m.commit ?? 'none (not a git checkout)')
  same(shards, 'build options (--publication, --lang, --format)', (m) => JSON.stringify(m.options))
  same(shards, 'number of shards', (m) => String(m.shard.count))
  for (const id of new Set(shards.flatMap((s) => s.manifest.publications.map((p) => p.id)))) {
    const having = shards.filter((s) => s.manifest.publications.some((p) => p.id === id))
    const of = (m: ShardManifest) => m.publications.find((p) => p.id === id)!
    same(having, `source revision of ${id} (sources and ID lock)`, (m) => of(m).revision)
    same(having, `inputs of ${id} (config, translations, interface strings, templates or fonts)`, (m) => of(m).inputs)
  }
  same(shards, 'split into shards (their cached timings differ: give every shard the same .press-cache/ or none)', (m) => m.partition)
  refuseDuplicates(shards)
  refuseMissing(shards)

  // The checkout merging them must be the one they were built from: the download pages come from its config and strings.
  const { plans } = await planBuild({ root: options.root, ...first.options, formats: first.options.formats as Format[] | undefined })
  for (const plan of plans) {
    const recorded = shards.flatMap((s) => s.manifest.publications).find((p) => p.id === plan.publication.config.id)
    if (!recorded) continue
    if (plan.tool !== first.tool || plan.revision !== recorded.revision || plan.inputs !== recorded.inputs) {
      const what = plan.tool !== first.tool ? 'tool version' : plan.revision !== recorded.revision ? 'source revision' : 'inputs'
      throw new PressError(
        problem(`The ${what} of ${plan.publication.config.id} here differs from the shards' (${shards.map((s) => s.dir).join(', ')}).`, {
          file: plan.publication.configPath,
          hint: 'Merge in a checkout of the commit the shards were built from, with the same version of press.',
        }),
      )
    }
  }

  const files: string[] = []
  const written = new Map<string, string>()
  const units = shards.flatMap((s) => s.manifest.units.map((u) => ({ ...u, dir: s.dir })))
  units.sort((a, b) => a.order - b.order)
  for (const unit of units) {
    for (const file of unit.files) {
      const earlier = written.get(file.path)
      if (earlier === file.sha256) continue
      if (earlier !== undefined)
        throw new PressError(
          problem(`Two shards wrote different ${file.path}.`, { file: unit.dir, hint: 'Rebuild the shards from the same inputs.' }),
        )
      const path = join(resolve(options.root, unit.dir), ...file.path.split('/'))
      const bytes = await readFile(path).catch(() => undefined)
      if (!bytes || sha256(bytes) !== file.sha256)
        throw new PressError(
          problem(`${file.path} is ${bytes ? 'not the file' : 'missing from the folder'} that ${unit.dir}/${SHARD_FILE} lists.`, {
            file: join(unit.dir, file.path),
            hint: `Re-run that shard (unit ${unit.unit}) and merge again.`,
          }),
        )
      const target = join(options.outDir, ...file.path.split('/'))
      await writeFileAtomic(target, bytes)
      written.set(file.path, file.sha256)
      files.push(target)
    }
  }

  const results: PublicationResult[] = []
  for (const plan of plans) {
    const id = plan.publication.config.id
    const mine = units.filter((u) => u.publication === id)
    if (mine.length === 0) continue
    const titles = shards.flatMap((s) => s.manifest.publications).find((p) => p.id === id)!.titles
    results.push({ publication: plan.publication, titles, editions: mine.flatMap((u) => u.editions as unknown as EditionFile[]) })
  }
  files.push(...(await writeDownloads(results, options.outDir, logger)))
  return { files, shards: shards.length, units: units.length }
}

/** Every shard must agree on `value`; otherwise name each value with the shards that have it. */
function same(shards: readonly Shard[], what: string, value: (m: ShardManifest) => string): void {
  const groups = new Map<string, string[]>()
  for (const shard of shards) groups.set(value(shard.manifest), [...(groups.get(value(shard.manifest)) ?? []), shard.dir])
  if (groups.size <= 1) return
  const listed = [...groups].map(([v, dirs]) => `${dirs.join(', ')}: ${v}`).join('; ')
  throw new PressError(
    problem(`These shards were built from different ${what}: ${listed}.`, {
      file: shards[0]!.dir,
      hint: 'Build every shard from the same commit with the same press and options, then merge again.',
      ruleId: 'shard-mismatch',
    }),
  )
}

function refuseDuplicates(shards: readonly Shard[]): void {
  const seen = new Map<number, string>()
  for (const { dir, manifest } of shards) {
    const other = seen.get(manifest.shard.index)
    if (other !== undefined)
      throw new PressError(
        problem(`${other} and ${dir} are both shard ${manifest.shard.index}/${manifest.shard.count}.`, {
          file: dir,
          hint: 'Pass each shard once (the re-run of a shard instead of its first run).',
        }),
      )
    seen.set(manifest.shard.index, dir)
  }
}

function refuseMissing(shards: readonly Shard[]): void {
  const built = new Set(shards.flatMap((s) => s.manifest.units.map((u) => u.unit)))
  const missing = shards[0]!.manifest.plan.filter((p) => !built.has(p.unit))
  if (missing.length === 0) return
  const count = shards[0]!.manifest.shard.count
  const byShard = [...new Set(missing.map((m) => m.shard))].sort((a, b) => a - b)
  throw new PressError(
    problem(`No shard built ${missing.map((m) => `${m.unit} (shard ${m.shard}/${count})`).join(', ')}.`, {
      file: shards.map((s) => s.dir).join(', '),
      hint: `Run ${byShard.map((k) => `\`press build --shard ${k}/${count}\``).join(' and ')} again and merge its output too.`,
      ruleId: 'shard-missing',
    }),
  )
}
