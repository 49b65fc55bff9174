/** Shared by the EPUB tests: one build into a temp folder, the zip's entries, and the two validators. */
import { execFile } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { unzipSync, strFromU8 } from 'fflate'
import { build, type Format } from '../../src/commands/build.ts'
import { collectingLogger } from '../../src/util/logger.ts'

const run = promisify(execFile)
export const root = join(import.meta.dirname, '..', '..')
export const publicationId = 'wuzhen-outlook-2019'
export const languages = ['en', 'zh', 'fr', 'es', 'ru', 'ar'] as const
/** 2019-10-20T00:00:00Z: every build in these tests states this date. */
export const sourceDateEpoch = 1571529600

export async function buildInto(formats: Format[], prefix = 'press-epub-'): Promise<string> {
  process.env.SOURCE_DATE_EPOCH = String(sourceDateEpoch)
  const outDir = mkdtempSync(join(tmpdir(), prefix))
  await build({ root, outDir, frozen: true, strict: false, formats }, collectingLogger())
  return outDir
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

/** epubcheck's JSON report (the Debian wrapper script does not run here: call the jar). */
export async function epubcheck(file: string, reportDir: string): Promise<EpubcheckResult> {
  const report = join(reportDir, 'epubcheck.json')
  // C1 only and the serial collector: epubcheck is short-lived, this halves its time.
  await run('java', [
    '-XX:TieredStopAtLevel=1',
    '-XX:+UseSerialGC',
    '-jar',
    '/usr/share/java/epubcheck.jar',
    file,
    '--json',
    report,
    '-q',
  ]).catch((error: { stdout?: string; stderr?: string }) => {
    // Exit code 1 when there are errors: the report says which.
    if (!existsSync(report)) throw new Error(`epubcheck did not run on ${file}: ${error.stderr ?? error}`)
  })
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
}

export interface AceViolation {
  impact: string
  rule: string
  file: string
  description: string
}

/**
 * Ace by DAISY on one EPUB; its violations from report.json. Ace launches
 * Chromium through puppeteer with --no-sandbox already (ace-axe-runner-puppeteer),
 * so it runs as root too.
 */
export async function ace(file: string, reportDir: string, chromium: string): Promise<{ outcome: string; violations: AceViolation[] }> {
  const bin = join(root, 'node_modules', '.bin', 'ace-cli')
  const once = () =>
    run(bin, ['--silent', '--force', '--outdir', reportDir, '--tempdir', join(reportDir, 'tmp'), file], {
      env: { ...process.env, PUPPETEER_EXECUTABLE_PATH: chromium, PUPPETEER_SKIP_DOWNLOAD: '1' },
      timeout: 240_000,
    })
  // On a loaded machine Ace now and then stops with exit 1 and no report (its browser timed out): that is no
  // finding, so it runs once more; a second failure fails the test. Findings come from the report only.
  await once().catch((error: unknown) => {
    if (existsSync(join(reportDir, 'report.json'))) throw error
    return once()
  })
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
}
