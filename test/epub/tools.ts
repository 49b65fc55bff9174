/** Shared by the EPUB tests: one build into a temp folder, the zip's entries, and the two validators. */
import { execFile } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs'
import { rename, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { unzipSync, strFromU8 } from 'fflate'
import { build, type Format } from '../../src/commands/build.ts'
import { collectingLogger } from '../../src/util/logger.ts'
import { copyProject } from '../helpers/project.ts'
import { sharedBuild } from '../helpers/shared-build.ts'

const run = promisify(execFile)
export const root = join(import.meta.dirname, '..', '..')
export const publicationId = 'wuzhen-outlook-2019'
export const languages = ['en', 'zh', 'fr', 'es', 'ru', 'ar'] as const
/** 2019-10-20T00:00:00Z: every build in these tests states this date. */
export const sourceDateEpoch = 1571529600

export async function buildInto(formats: Format[], prefix = 'press-epub-', from = root): Promise<string> {
  process.env.SOURCE_DATE_EPOCH = String(sourceDateEpoch)
  const outDir = mkdtempSync(join(tmpdir(), prefix))
  await build({ root: from, outDir, frozen: true, strict: false, formats }, collectingLogger())
  return outDir
}

/**
 * The HTML and EPUB editions of the bundled publication, built once per test run (test/helpers/shared-build.ts) and
 * read by the EPUB tests: `root`, a copy of the project whose build cache was empty, and `out`, the build.
 * Read-only: reports and unpacked files go to a folder of the test's own.
 */
export async function sharedEpubs(): Promise<{ root: string; out: string }> {
  const dir = await sharedBuild('bundled-html-epub', async (into) => {
    const project = copyProject(join(into, 'project'))
    process.env.SOURCE_DATE_EPOCH = String(sourceDateEpoch)
    await build({ root: project, outDir: join(into, 'dist'), frozen: true, strict: false, formats: ['html', 'epub'] }, collectingLogger())
  })
  return { root: join(dir, 'project'), out: join(dir, 'dist') }
}

export const epubPath = (outDir: string, language: string): string =>
  join(outDir, publicationId, language, `${publicationId}.${language}.epub`)
export const htmlPath = (outDir: string, language: string): string => join(outDir, publicationId, language, 'index.html')

/** Entries of an EPUB as text (fonts as bytes are not needed by the tests). */
export function entries(path: string): Map<string, Uint8Array> {
  return new Map(Object.entries(unzipSync(readFileSync(path))))
}

export function text(files: Map<string, Uint8Array>, name: string): string {
  const data = files.get(name)
  if (!data) throw new Error(`${name} is not in the EPUB (has ${[...files.keys()].join(', ')})`)
  return strFromU8(data)
}

export interface EpubcheckResult {
  fatals: number
  errors: number
  warnings: number
  messages: string[]
}

/** epubcheck's JSON report of one EPUB (see epubcheckAll). */
export async function epubcheck(file: string, reportDir: string): Promise<EpubcheckResult> {
  return (await epubcheckAll([{ file, reportDir }]))[0]!
}

/**
 * The launcher of EpubcheckMany.java, compiled once into a folder named after its source's hash (a file of the
 * epubcheck class path, nothing else).
 */
async function launcher(): Promise<string> {
  const source = join(import.meta.dirname, 'EpubcheckMany.java')
  const dir = join(tmpdir(), `press-epubcheck-${createHash('sha256').update(readFileSync(source)).digest('hex').slice(0, 16)}`)
  if (existsSync(join(dir, 'EpubcheckMany.class'))) return dir
  const building = mkdtempSync(`${dir}-`)
  await run('javac', ['-d', building, '-cp', epubcheckJar, source])
  await rename(building, dir).catch(() => rm(building, { recursive: true, force: true })) // another file compiled it first
  return dir
}
const epubcheckJar = '/usr/share/java/epubcheck.jar'

/**
 * epubcheck's JSON report of each EPUB (`epubcheck <file> --json <reportDir>/epubcheck.json -q`), all checked in one
 * JVM: it starts and loads its schemas once (the Debian wrapper script does not run here: the jar is called).
 */
export async function epubcheckAll(items: { file: string; reportDir: string }[]): Promise<EpubcheckResult[]> {
  for (const { reportDir } of items) mkdirSync(reportDir, { recursive: true })
  const reports = items.map(({ reportDir }) => join(reportDir, 'epubcheck.json'))
  const classes = await launcher()
  // C1 only and the serial collector: epubcheck is short-lived, this halves its time.
  const args = ['-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC', '-cp', `${epubcheckJar}:${classes}`, 'EpubcheckMany']
  await run('java', [...args, ...items.flatMap(({ file }, i) => [file, reports[i]!])], { maxBuffer: 64 * 1024 * 1024 }).catch(
    (error: { stderr?: string }) => {
      // Exit code 1 when there are errors: the reports say which.
      const missing = items.filter((_, i) => !existsSync(reports[i]!))
      if (missing.length > 0) throw new Error(`epubcheck did not run on ${missing.map((m) => m.file).join(', ')}: ${error.stderr ?? error}`)
    },
  )
  return reports.map((report, i) => {
    if (!existsSync(report)) throw new Error(`epubcheck wrote no report for ${items[i]!.file}`)
    const json = JSON.parse(readFileSync(report, 'utf8')) as {
      checker: { nFatal: number; nError: number; nWarning: number }
      messages: { severity: string; message: string; locations: { path: string; line: number; column: number }[] }[]
    }
    return {
      fatals: json.checker.nFatal,
      errors: json.checker.nError,
      warnings: json.checker.nWarning,
      messages: json.messages.map(
        (m) => `${m.severity} ${m.message} at ${m.locations.map((l) => `${l.path}:${l.line}:${l.column}`).join(', ')}`,
      ),
    }
  })
}

export interface AceViolation {
  impact: string
  rule: string
  file: string
  description: string
}

/** Ace by DAISY on one EPUB (see aceAll). */
export async function ace(file: string, reportDir: string, chromium: string): Promise<AceResult> {
  return (await aceAll([{ file, reportDir }], chromium))[0]!
}

export interface AceResult {
  outcome: string
  violations: AceViolation[]
}

/**
 * Ace by DAISY on each EPUB, its violations from `<reportDir>/report.json`: ace-many.cjs runs Ace's own checker
 * (@daisy/ace-core, what ace-cli runs) on them one after another in one process and one Chromium. Ace launches
 * Chromium through puppeteer with --no-sandbox already (ace-axe-runner-puppeteer), so it runs as root too.
 */
export async function aceAll(items: { file: string; reportDir: string }[], chromium: string): Promise<AceResult[]> {
  const once = (some: typeof items) =>
    run(process.execPath, [join(import.meta.dirname, 'ace-many.cjs'), ...some.flatMap(({ file, reportDir }) => [file, reportDir])], {
      // Ace gives its browser 5 s to start: on a loaded machine that is too short (no finding either way).
      env: { ...process.env, PUPPETEER_EXECUTABLE_PATH: chromium, PUPPETEER_SKIP_DOWNLOAD: '1', ACE_TIMEOUT_INITIAL: '60000' },
      timeout: 240_000 * some.length,
      maxBuffer: 64 * 1024 * 1024,
    })
  const reported = ({ reportDir }: (typeof items)[number]) => existsSync(join(reportDir, 'report.json'))
  // On a loaded machine Ace now and then stops with no report (its browser timed out): that is no finding, so the
  // EPUBs without a report run once more; a second failure fails the test. Findings come from the reports only.
  await once(items).catch((error: unknown) => {
    const missing = items.filter((item) => !reported(item))
    if (missing.length === 0) throw error
    return once(missing)
  })
  return items.map(({ reportDir }) => {
    const report = JSON.parse(readFileSync(join(reportDir, 'report.json'), 'utf8')) as {
      'earl:result': { 'earl:outcome': string }
      assertions: {
        'earl:testSubject': { url: string }
        assertions?: { 'earl:test': { 'earl:impact': string; 'dct:title': string }; 'earl:result': { 'dct:description'?: string } }[]
      }[]
    }
    const violations = report.assertions.flatMap((document) =>
      (document.assertions ?? []).map((a) => ({
        impact: a['earl:test']['earl:impact'],
        rule: a['earl:test']['dct:title'],
        file: document['earl:testSubject'].url,
        description: a['earl:result']['dct:description'] ?? '',
      })),
    )
    return { outcome: report['earl:result']['earl:outcome'], violations }
  })
}
