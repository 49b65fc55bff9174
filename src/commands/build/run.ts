/**
 * Run a publication's work units: each unit whose fingerprint is in the cache
 * has its files restored byte for byte (with its manifest facts); the others
 * run their output, and what they wrote is cached. When every unit is cached,
 * nothing is parsed.
 *
 *   sources + IDs (lock) → translations + interface strings → one edition per
 *   language (built once) → the outputs of the units not cached → the shared assets
 */
import { readFile, stat } from 'node:fs/promises'
import { join, relative, sep } from 'node:path'
import { availableParallelism } from 'node:os'
import { PressError } from '../../util/problems.ts'
import { writeFileAtomic } from '../../util/files.ts'
import type { Logger } from '../../util/logger.ts'
import { sha256, type CachedFile, type UnitCache } from '../../project/cache.ts'
import type { BrowserSession } from '../../outputs/pdf/session.ts'
import type { FontSubsetter } from '../../outputs/epub/subset.ts'
import { fontSettings } from '../../outputs/font-registry.ts'
import { checkCoverage, editionTexts } from '../../outputs/font-coverage.ts'
import { ASSETS_DIR, writeAssets, type Write } from '../../outputs/assets.ts'
import type { EditionFile } from '../../outputs/downloads/downloads.ts'
import type { OutputContext, WrittenEdition } from '../../outputs/output.ts'
import { outputs } from '../../outputs/registry.ts'
import { loadUi } from '../../edition/model.ts'
import type { UiFile } from '../../i18n/ui-strings.ts'
import { resolveIds, type IdentifiedSources } from '../../ids/resolve.ts'
import { loadTranslations } from '../../i18n/load.ts'
import type { PublicationPlan, Unit } from './units.ts'
import type { BuildSession } from './session.ts'
import { restore, warning, type PublicationRun, type UnitFacts, type Warning } from './restore.ts'
import { assetsContentKey } from './assets-key.ts'
import { span } from '../../util/trace.ts'
import { boundHeapGrowth, LARGE_SOURCE } from '../../util/heap.ts'
import { EditionStore } from './editions.ts'
import { revived, SummaryCache, type EditionSummary } from './summary.ts'

export type { PublicationRun, UnitResult } from './restore.ts'

export interface RunEnv {
  outDir: string
  cache: UnitCache | undefined
  frozen: boolean
  strict: boolean
  jobs: number | undefined
  /** `--profile press`: the PDF units also write the press PDFs. */
  press: boolean
  logger: Logger
  session: BrowserSession
  fonts: FontSubsetter
  /** The date the editions state (SOURCE_DATE_EPOCH or the last commit). */
  date: Date
  /** Plan again (after the lock was updated: the fingerprints change). */
  replan(): Promise<PublicationPlan>
  /** What a long-lived process keeps between builds (src/commands/build/session.ts). */
  buildSession?: BuildSession | undefined
}

export async function runPublication(initial: PublicationPlan, names: ReadonlySet<string>, env: RunEnv): Promise<PublicationRun> {
  const { publication } = initial
  const { config, root } = publication
  const kept = env.buildSession
  // A PDF to render (not in the cache): Chromium starts now, beside the parsing and the editions.
  if (
    await someUncached(
      initial.units.filter((u) => names.has(u.name) && u.output?.format === 'pdf'),
      env.cache,
    )
  )
    env.session.warm()
  const idOptions = { frozen: env.frozen, write: !env.frozen, cache: env.cache !== undefined }
  const sources = await span('ids', () => kept?.sources(publication, idOptions) ?? resolveIds(publication, idOptions))
  reportIdChanges(sources, env.logger)
  if (sources.blocks.reduce((n, b) => n + b.text.length, 0) >= LARGE_SOURCE) boundHeapGrowth()
  const plan = sources.assignment.changed && !env.frozen ? await env.replan() : initial
  const units = plan.units.filter((u) => names.has(u.name))
  const allLanguages = [config.sourceLanguage, ...config.languages]
  const translations = await span(
    'translations',
    () =>
      kept?.translations(publication, sources, config.languages) ??
      loadTranslations(publication, sources, config.languages, env.cache !== undefined),
  )
  translations.messages.forEach((m) => env.logger.problem(m))
  if (translations.messages.some((m) => m.fatal)) throw new PressError(translations.messages.filter((m) => m.fatal))
  const ui = await (kept?.ui(root, allLanguages) ?? loadUi(root, allLanguages))
  const used = new Set(units.flatMap((u) => (u.output ? u.languages : [])))
  const shown = allLanguages.filter((l) => plan.languages.includes(l) && used.has(l))
  const store = new EditionStore({
    publication,
    sources,
    translations,
    ui,
    keys: plan.editionKeys,
    cache: env.cache && !kept ? new SummaryCache(root) : undefined,
    make: kept && ((language) => kept.editions(publication, sources, translations, ui, [language])[0]!),
  })
  const summaries = await span('summaries', () => store.summaries(allLanguages))
  if (env.strict) failOnMissing(summaries.filter((s) => shown.includes(s.language)))
  for (const language of shown) for (const message of await store.messages(language)) env.logger.problem(message)
  const fontConfig = fontSettings(publication)
  const titles = Object.fromEntries(summaries.map((s) => [s.language, s.title]))
  const warnings = [
    ...translations.messages.filter((m) => !m.fatal).map((m) => warning(m)),
    ...summaries.flatMap((s) => s.messages.filter((m) => !m.fatal).map(({ fatal: _, ...w }) => w)),
  ]

  const run: PublicationRun = { results: [], titles, written: [], unchanged: [] }
  const todo: Unit[] = []
  await span('restore', async () => {
    for (const unit of units) {
      const record = env.cache ? await env.cache.get<UnitFacts>(unit.fingerprint) : undefined
      const restored = record && env.cache ? await restore(unit, record, { ...env, cache: env.cache }, run) : undefined
      if (restored?.reused) run.results.push(restored)
      else todo.push(unit)
    }
  })

  // Only the editions a unit to run shows are localized (the preview's session keeps them all, for its assets).
  const needed = new Set(todo.flatMap((u) => (u.output ? u.languages : [])))
  const editions = span('editions', () => store.editions(allLanguages.filter((l) => kept || needed.has(l))))
  // Every character of every edition rendered must be covered by a bundled or configured font: never a silent fallback.
  const rendered = editions.filter((e) => shown.includes(e.language) && needed.has(e.language))
  const coverage = span('coverage', () => rendered.flatMap((e) => checkCoverage(fontConfig, editionTexts(e, publication.configPath))))
  if (coverage.length > 0) throw new PressError(coverage)

  const dir = join(env.outDir, config.id)
  const base: Omit<OutputContext, 'selected' | 'pairs' | 'write'> = {
    publication,
    sources,
    translations,
    editions,
    languages: summaries,
    identity: { build: plan.build, revision: plan.revision, date: env.date },
    dir,
    session: env.session,
    fontSettings: fontConfig,
    fonts: env.fonts,
    jobs: env.jobs ?? availableParallelism(),
    press: env.press,
    logger: env.logger,
  }
  // Every output's batch runs at once: the PDFs, which wait on Chromium (another process), start first, and this
  // thread's work for the others (HTML, EPUB, review pages, assets) fills that time; the font subsetting and
  // Chromium run beside it. Each output writes its own files (shared font files are the same bytes).
  const order = [...outputs].sort((a, b) => Number(b.format === 'pdf') - Number(a.format === 'pdf'))
  const tasks: Promise<void>[] = []
  for (const output of order) {
    const batch = todo.filter((u) => u.output?.name === output.name)
    if (batch.length === 0) continue
    tasks.push(
      runBatch(batch, env, run, async (write) => {
        const languages = new Set(batch.map((u) => u.languages.at(-1)!))
        return output.write({
          ...base,
          selected: editions.filter((e) => languages.has(e.language) && batch[0]!.languages.length === 1),
          pairs: batch.filter((u) => u.languages.length === 2).map((u) => [u.languages[0]!, u.languages[1]!]),
          write,
        })
      }),
    )
  }
  const assets = todo.find((u) => u.output === undefined)
  if (assets)
    tasks.push(
      runAssets(assets, plan, { summaries, ui, titles, warnings }, env, run, async (write) => {
        const texts = summaries.flatMap((s) => [
          { language: s.language, text: s.characters },
          { language: s.language, text: Object.values(ui.get(s.language)!.strings).join('\n') },
        ])
        const make = async (write: Write): Promise<void> => {
          await writeAssets(root, join(dir, ASSETS_DIR), texts, fontConfig, write)
        }
        await (kept?.assets(dir, publication, editions, ui, write, make) ?? make(write))
        return []
      }),
    )
  await settleAll(tasks)
  run.written.sort()
  run.unchanged.sort()
  run.results.sort((a, b) => a.unit.order - b.unit.order)
  return run
}

async function someUncached(units: readonly Unit[], cache: UnitCache | undefined): Promise<boolean> {
  for (const unit of units) if (!cache || !(await cache.get(unit.fingerprint))) return true
  return false
}

/** Wait for every task (none is left writing when the build ends), then fail with the first failure, if any. */
async function settleAll(tasks: readonly Promise<void>[]): Promise<void> {
  const settled = await Promise.allSettled(tasks)
  const failed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected')
  if (failed) throw failed.reason
}

/**
 * The shared assets: restored by their content key (src/commands/build/assets-key.ts) when the files they would
 * write are cached under it, else built; either way recorded under both keys, so the next build with nothing
 * changed finds them by the plan's fingerprint.
 */
async function runAssets(
  unit: Unit,
  plan: PublicationPlan,
  read: { summaries: readonly EditionSummary[]; ui: Map<string, UiFile>; titles: Record<string, string>; warnings: Warning[] },
  env: RunEnv,
  run: PublicationRun,
  task: (write: Write) => Promise<WrittenEdition[]>,
): Promise<void> {
  const facts = { titles: read.titles, warnings: read.warnings }
  const cache = env.cache
  const key = cache && (await assetsContentKey(unit.publication, plan.tool, read.summaries, read.ui, facts))
  const record = key ? await cache.get<UnitFacts>(key) : undefined
  const restored = record && cache ? await restore(unit, record, { ...env, cache }, run) : undefined
  if (restored?.reused) run.results.push(restored)
  else await runBatch([unit], env, run, task, facts)
  const result = run.results.find((r) => r.unit === unit)
  if (!cache || !key || !result) return
  const { files, facts: unitFacts, seconds } = result
  // A unit built is in the cache by its plan's fingerprint already (runBatch).
  for (const fingerprint of restored?.reused ? [unit.fingerprint, key] : [key])
    await cache.put({ unit: unit.name, fingerprint, seconds, files, facts: unitFacts })
}

/** Write `bytes` unless the file holds them already; true when written. */
async function writeIfChanged(path: string, bytes: Uint8Array): Promise<boolean> {
  if (await holdsBytes(path, bytes)) return false
  await writeFileAtomic(path, bytes)
  return true
}

/** Run units' output at once, give each unit the files it wrote, cache them. */
async function runBatch(
  batch: readonly Unit[],
  env: RunEnv,
  run: PublicationRun,
  task: (write: Write) => Promise<WrittenEdition[]>,
  extra: Omit<UnitFacts, 'editions'> = {},
): Promise<void> {
  const started = performance.now()
  // Each file's facts, its bytes stored in the cache as it is written: a batch never holds every file it wrote.
  const stored = new Map<string, CachedFile>()
  const owners = new Map<string, Unit[]>()
  const expected = new Map(batch.map((u) => [u, expectedFiles(u)]))
  const write: Write = async (path, data) => {
    const bytes = typeof data === 'string' ? Buffer.from(data) : data
    // The same bytes as the output folder holds are not written again (a rebuilt unit's unchanged files); the
    // preview's session knows what it wrote itself and tells the open pages.
    const wrote = env.buildSession ? await env.buildSession.write(path, bytes) : await writeIfChanged(path, bytes)
    ;(wrote ? run.written : run.unchanged).push(path)
    const rel = relative(env.outDir, path).split(sep).join('/')
    stored.set(rel, env.cache ? await env.cache.putBlob(rel, bytes) : facts(rel, bytes))
    const mine = batch.filter((u) => expected.get(u)!.has(rel))
    owners.set(rel, mine.length > 0 ? mine : [...batch])
    env.logger.progress(`wrote ${relative(batch[0]!.publication.root, path)}`)
  }
  const listed = await span(batch[0]!.output?.name ?? 'assets', () => task(write))
  const seconds = (performance.now() - started) / 1000 / batch.length
  for (const unit of batch) {
    const files = [...owners].filter(([, us]) => us.includes(unit)).map(([path]) => stored.get(path)!)
    const paths = new Set(files.map((f) => f.path))
    const editions = listed
      .map((entry) => ({ entry, path: relative(env.outDir, entry.path).split(sep).join('/') }))
      .filter(({ path }) => paths.has(path))
      .map(({ entry, path }): EditionFile => {
        const { size, sha256 } = files.find((f) => f.path === path)!
        return {
          language: entry.language,
          format: entry.format,
          path,
          size,
          sha256,
          ...(entry.pages === undefined ? {} : { pages: entry.pages }),
          ...(entry.pairedWith === undefined ? {} : { pairedWith: entry.pairedWith }),
        }
      })
    const unitFacts: UnitFacts = { editions, ...extra }
    run.results.push({ unit, files, facts: unitFacts, reused: false, seconds })
    await env.cache?.put({ unit: unit.name, fingerprint: unit.fingerprint, seconds, files, facts: unitFacts })
  }
}

/** The files a unit's output declares (`Output.files`), relative to the output folder. */
function expectedFiles(unit: Unit): Set<string> {
  const id = unit.publication.config.id
  const [a, b] = unit.languages
  const patterns = unit.output?.files ?? []
  return new Set(
    patterns.map((p) =>
      `${id}/${p}`
        .replaceAll('<pub>', id)
        .replaceAll('<lang>', a!)
        .replaceAll('<a>', a!)
        .replaceAll('<b>', b ?? a!),
    ),
  )
}

async function holdsBytes(path: string, bytes: Uint8Array): Promise<boolean> {
  const size = await stat(path).then(
    (s) => s.size,
    () => -1,
  )
  return size === bytes.length && Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).equals(await readFile(path))
}

function facts(path: string, data: Uint8Array): CachedFile {
  return { path, size: data.length, sha256: sha256(data) }
}

function reportIdChanges(sources: IdentifiedSources, logger: Logger): void {
  const minted = sources.assignment.changes.filter((c) => c.how === 'minted').length
  const edited = sources.assignment.changes.filter((c) => c.how === 'edited' || c.how === 'rewritten').length
  if (minted + edited + sources.assignment.retired.length > 0) {
    logger.info(
      `${sources.lockPath}: ${minted} minted, ${edited} re-matched after an edit, ` +
        `${sources.assignment.retired.length} retired (run \`press ids\` for details)`,
    )
  }
}

function failOnMissing(summaries: readonly EditionSummary[]): void {
  const messages = summaries.flatMap((s) => s.missing.map((w) => revived(w, true)))
  if (messages.length > 0) throw new PressError(messages)
}
