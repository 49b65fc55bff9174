/**
 * `press build`: every edition of every publication.
 *
 *   config → sources + IDs (lock) → translations + interface strings
 *   → one edition per language (built once) → every output of the registry
 *   (src/outputs/registry.ts) → manifests and download pages
 */
import { availableParallelism } from 'node:os'
import { join, relative } from 'node:path'
import { problem, PressError } from '../util/problems.ts'
import { removeStaleTemps } from '../util/files.ts'
import type { BrowserSession, RequestLog } from '../outputs/pdf/session.ts'
import type { FontSubsetter } from '../outputs/epub/subset.ts'
import { cacheDir, UnitCache } from '../project/cache.ts'
import type { Publication } from '../project/load.ts'
import type { PublicationResult } from '../outputs/downloads/downloads.ts'
import { buildDate } from '../project/build-info.ts'
import type { Logger } from '../util/logger.ts'
import { findPublications } from '../project/paths.ts'
import { formats, type Format } from '../outputs/registry.ts'
import { planPublication, type PublicationPlan } from './build/units.ts'
import type { runPublication } from './build/run.ts'
import { restorePublication, type UnitFacts, type UnitResult } from './build/restore.ts'
import { describePartition, partition, type ShardSpec } from './build/shard.ts'
import { writeSite } from './build/site.ts'
import type { BuildSession } from './build/session.ts'
import { span, writeTrace } from '../util/trace.ts'

export { formatHelp, formats, type Format } from '../outputs/registry.ts'

export interface BuildOptions {
  root: string
  /** Output folder (default dist/ under the root). */
  outDir?: string
  publication?: string
  /** Languages to build (default: all of each publication). */
  languages?: string[]
  formats?: Format[]
  /** Refuse to mint paragraph IDs. */
  frozen: boolean
  /** Fail when a block has no translation instead of falling back. */
  strict: boolean
  /** Parallel jobs (editions at once, font subsetting threads); default: the number of cores. */
  jobs?: number
  /** DevTools endpoints to render the PDFs on instead of a local Chromium (`--browser-url`, PRESS_BROWSER_URL). */
  browserUrls?: string[]
  /** Told of every request a print page makes and how it was answered (tests, audits). */
  requestLog?: RequestLog
  /** Reuse cached units and font subsets from .press-cache/ (default true; `--no-cache` turns it off). */
  cache?: boolean
  /** `--profile press`: also write the press PDFs (bleed and crop marks). */
  profile?: 'press' | undefined
  /** Build shard K of N (`--shard K/N`): its units and shard.json, no download pages. */
  shard?: ShardSpec
  /** Print the split into shards (or the units), build nothing. */
  dryRun?: boolean
}

export interface BuildResult {
  /** Files written (absolute paths). */
  files: string[]
  /** Files the output folder already held byte for byte (restored from the cache or made again): not written. */
  unchanged: string[]
  seconds: number
  /** Work units run now, and those restored from the cache (`<pub>/<output>/<lang>`, `<pub>/assets`). */
  rebuilt: string[]
  reused: string[]
}

/** `buildSession`: what a long-lived process (`press preview`) keeps from one build to the next (src/commands/build/session.ts). */
export async function build(options: BuildOptions, logger: Logger, buildSession?: BuildSession): Promise<BuildResult> {
  try {
    return await span('build', () => buildAll(options, logger, buildSession))
  } finally {
    // PRESS_TRACE=<file>: the timeline of this build (src/util/trace.ts).
    const trace = writeTrace()
    if (trace) logger.info(`Trace: ${trace}`)
  }
}

async function buildAll(options: BuildOptions, logger: Logger, buildSession?: BuildSession): Promise<BuildResult> {
  const started = performance.now()
  const outDir = options.outDir ?? join(options.root, 'dist')
  const { plans, replan } = await span('plan', () => planBuild(options))
  const cache = options.cache === false ? undefined : new UnitCache(options.root)
  const units = plans.flatMap((p) => p.units)
  const split = options.shard ? partition(units, options.shard.count, (await cache?.timings()) ?? {}) : undefined
  const mine = new Set((split ? split.shards[options.shard!.index - 1]! : units).map((u) => u.name))
  if (options.dryRun) {
    for (const line of split ? describePartition(split) : units.map((u) => u.name)) logger.info(line)
    return { files: [], unchanged: [], seconds: (performance.now() - started) / 1000, rebuilt: [], reused: [] }
  }
  // What an interrupted build left: temporary files of processes that are gone (a build running beside us keeps its own).
  const stale = await removeStaleTemps(outDir, true)
  if (stale.length > 0)
    logger.info(`Removed ${stale.length} temporary files an interrupted build left in ${relative(options.root, outDir) || outDir}`)
  // Parsing and rendering are loaded only when a unit is not cached (a no-op build loads the planning modules only).
  const jobs = options.jobs ?? Math.max(availableParallelism(), options.browserUrls?.length ?? 0)
  let engine: Promise<{ session: BrowserSession; fonts: FontSubsetter; runPublication: typeof runPublication }> | undefined
  const make = () =>
    Promise.all([import('../outputs/pdf/session.ts'), import('../outputs/epub/subset.ts'), import('./build/run.ts')]).then(
      ([{ BrowserSession }, { FontSubsetter }, { runPublication }]) => ({
        // One browser (or pool) for the whole build, launched or connected at the first PDF.
        session: new BrowserSession({ endpoints: options.browserUrls, pages: jobs, log: options.requestLog }),
        fonts: new FontSubsetter({ jobs: options.jobs, cacheDir: cache ? cacheDir(options.root, 'fonts') : undefined }),
        runPublication,
      }),
    )
  const load = () => (engine ??= buildSession ? buildSession.engine(make) : make())
  const files: string[] = []
  const unchanged: string[] = []
  const results: PublicationResult[] = []
  const runs: { plan: PublicationPlan; results: UnitResult[]; titles: Record<string, string> }[] = []
  try {
    for (const [i, plan] of plans.entries()) {
      if (!plan.units.some((u) => mine.has(u.name))) continue
      let run = cache && !options.strict ? await restorePublication(plan, mine, { outDir, cache, logger }) : undefined
      if (!run) {
        const { session, fonts, runPublication } = await load()
        run = await span(`publication ${plan.publication.config.id}`, () =>
          runPublication(plan, mine, {
            outDir,
            cache,
            frozen: options.frozen || options.shard !== undefined, // a shard never mints IDs: all shards must agree
            strict: options.strict,
            jobs,
            press: options.profile === 'press',
            logger,
            session,
            fonts,
            date: buildDate(plan.publication.root),
            replan: async () => (plans[i] = await replan(plan.publication, plan.units[0]!.order)),
            buildSession,
          }),
        )
      }
      files.push(...run.written)
      unchanged.push(...run.unchanged)
      runs.push({ plan: plans[i]!, results: run.results, titles: run.titles })
      results.push({ publication: plan.publication, titles: run.titles, editions: run.results.flatMap((r) => r.facts.editions) })
    }
  } finally {
    if (engine && !buildSession)
      await span('close', () => engine!.then(({ session, fonts }) => Promise.all([session.close(), fonts.close()])))
  }
  const all = runs.flatMap((r) => r.results)
  // Only whole builds record timings: a shard never changes the split its sibling shards compute.
  if (!options.shard) await cache?.recordTimings(Object.fromEntries(all.filter((r) => !r.reused).map((r) => [r.unit.name, r.seconds])))
  const rebuilt = all.filter((r) => !r.reused).map((r) => r.unit.name)
  const reused = all.filter((r) => r.reused).map((r) => r.unit.name)
  logger.info(
    `Units: ${rebuilt.length} built${rebuilt.length > 0 ? ` (${rebuilt.join(', ')})` : ''}, ${reused.length} reused from the cache`,
  )
  if (options.shard && split) {
    const { writeShardManifest } = await import('./build/shard-manifest.ts')
    files.push(await writeShardManifest(outDir, options, options.shard, split, runs, plans))
  } else {
    if (cache && (options.languages || options.formats)) await markCurrent(results, options, cache)
    const site = await span('site', () => writeSite(results, outDir, cache, logger))
    files.push(...site.written)
    unchanged.push(...site.unchanged)
  }
  const wrote = new Set(files)
  return {
    files: [...wrote],
    unchanged: [...new Set(unchanged)].filter((f) => !wrote.has(f)),
    seconds: (performance.now() - started) / 1000,
    rebuilt,
    reused,
  }
}

/** The work units of a build (each publication's), fingerprinted from the input files' bytes. */
export async function planBuild(options: Pick<BuildOptions, 'root' | 'publication' | 'languages' | 'formats' | 'profile' | 'cache'>) {
  const publications = await findPublications(options.root, options.publication, options.cache !== false)
  const wanted = new Set(options.formats ?? formats)
  const plans: PublicationPlan[] = []
  const replan = (p: Publication, order: number) =>
    planPublication(p, selectLanguages(p, options.languages), wanted, buildDate(p.root), order, options.profile)
  for (const publication of publications)
    plans.push(
      await replan(
        publication,
        plans.reduce((n, p) => n + p.units.length, 0),
      ),
    )
  return { plans, replan }
}

/**
 * A build of some languages or formats keeps listing the editions an earlier build wrote, but only those
 * still the output of their unit's current inputs (cached under its current fingerprint).
 */
async function markCurrent(results: PublicationResult[], options: BuildOptions, cache: UnitCache): Promise<void> {
  const { plans } = await planBuild({ root: options.root, publication: options.publication, cache: options.cache })
  for (const result of results) {
    const plan = plans.find((p) => p.publication.config.id === result.publication.config.id)
    const current = new Set(result.editions.map((e) => `${e.path} ${e.sha256}`))
    for (const unit of plan?.units ?? []) {
      const record = await cache.get<UnitFacts>(unit.fingerprint)
      for (const e of record?.facts.editions ?? []) current.add(`${e.path} ${e.sha256}`)
    }
    result.current = current
  }
}

function selectLanguages(publication: Publication, requested: string[] | undefined): string[] {
  const all = [publication.config.sourceLanguage, ...publication.config.languages]
  if (!requested || requested.length === 0) return all
  const unknown = requested.filter((code) => !all.includes(code))
  if (unknown.length > 0) {
    throw new PressError(
      problem(`${publication.config.id} has no language ${unknown.map((c) => `"${c}"`).join(', ')}.`, {
        file: publication.configPath,
        hint: `Its languages are ${all.join(', ')}. Add a language to \`languages\` in publication.yaml first.`,
      }),
    )
  }
  return requested
}
