/**
 * The `pdf` mode of scripts/benchmark.ts: the PDF stage vs raw Chromium printing the same print HTML
 * (scripts/benchmark-chromium.mjs), and where the press build's CPU goes, from the report press writes at exit
 * with PRESS_REPORT_CPU (src/util/cpu-report.ts): the press process itself (Node), qpdf (the children's CPU before
 * the browser closed), Chromium (the rest of the command's CPU: with a cpuacct cgroup that includes its renderers,
 * which no rusage reaches) and the shared stages (the Node CPU spent before the first PDF output started: start-up,
 * IDs, translations, editions, font coverage).
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { cpu, measure, median, paired, pressCommand, projectCopy, ratio, root, row, seconds, wall, type Mode } from './benchmark-lib.ts'

interface Snapshot {
  node: number
  children?: number | null
}
interface Report extends Snapshot {
  marks: Record<string, Snapshot | undefined>
}

/** The rows of one press run's CPU report, in CPU seconds. */
function decompose(report: Report): Record<string, number> {
  const close = report.marks['browser-close']
  const children = report.children ?? NaN
  return {
    node: report.node,
    shared: report.marks['pdf-output']?.node ?? NaN,
    qpdf: close ? (close.children ?? NaN) : children,
  }
}

export const pdfMode: Mode = {
  name: 'pdf',
  description: 'the PDF stage vs raw Chromium printing the same print HTML; its CPU by process (press, Chromium, qpdf)',
  defaultRuns: 1,
  run({ runs, print }) {
    const dir = projectCopy()
    const html = join(dir, 'print-html')
    const reports = mkdtempSync(join(tmpdir(), 'press-bench-cpu-'))
    // Once to keep the print HTML the baseline prints (and to warm the disk cache).
    measure(pressCommand(dir, ['build', '--format', 'pdf', '--out', 'warm'], { PRESS_KEEP_PRINT_HTML: html }))
    const count = readdirSync(html).length
    const parts: Record<string, number>[] = []
    const pair = paired(
      runs,
      // --no-cache: the warm-up cached every PDF, and a restored PDF measures the cache, not the PDF stage.
      () => {
        const file = join(reports, `${parts.length}.json`)
        const sample = measure(pressCommand(dir, ['build', '--no-cache', '--format', 'pdf', '--out', 'dist'], { PRESS_REPORT_CPU: file }))
        const part = decompose(JSON.parse(readFileSync(file, 'utf8')) as Report)
        parts.push({ ...part, chromium: sample.cpu - part.node! - part.qpdf! })
        return sample
      },
      () => measure({ argv: [process.execPath, join(root, 'scripts', 'benchmark-chromium.mjs'), html, join(dir, 'raw')], cwd: dir }),
    )
    const part = (name: string): string => seconds(median(parts.map((p) => p[name]!)))
    print(`PDF stage (${count} PDFs; ${runs} pair${runs > 1 ? 's' : ''})`)
    print(row('  press build --format pdf', `${seconds(cpu(pair.a))} CPU`, `${seconds(wall(pair.a))} wall`))
    print(row('    press process (Node)', `${part('node')} CPU`))
    print(row('      shared stages (before PDFs)', `${part('shared')} CPU`, '(start-up, IDs, translations, editions, coverage)'))
    print(row('      PDF stage in Node', `${seconds(median(parts.map((p) => p.node! - p.shared!)))} CPU`))
    print(row('    Chromium (all its processes)', `${part('chromium')} CPU`, '(the rest of the CPU)'))
    print(row('    qpdf (and other children)', `${part('qpdf')} CPU`))
    print(row('  raw Chromium, same print HTML', `${seconds(cpu(pair.b))} CPU`, `${seconds(wall(pair.b))} wall`))
    print(row('  PDF stage / raw Chromium', `${ratio(pair.cpuRatios)} CPU`, `${ratio(pair.wallRatios)} wall`))
    print(
      row(
        '  PDF stage without shared / raw',
        `${ratio(pair.a.map((s, i) => (s.cpu - parts[i]!.shared!) / pair.b[i]!.cpu))} CPU`,
        '(the build minus its shared stages)',
      ),
    )
    rmSync(reports, { recursive: true, force: true })
    rmSync(dir, { recursive: true, force: true })
  },
}
