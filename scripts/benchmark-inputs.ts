/**
 * Big-input measurements (issue 10, bounded work): how long each reader takes
 * on big input, and how the time grows from 1× to 10× input. Run with
 * `npx tsx scripts/benchmark-inputs.ts` (or `npx tsx scripts/benchmark.ts inputs`).
 * Prints one line per case; never asserted by a test.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { exportTranslation } from '../src/commands/export.ts'
import { importTranslation } from '../src/commands/import.ts'
import { resolveIds } from '../src/ids/resolve.ts'
import { loadPublication } from '../src/project/load.ts'
import { readSources } from '../src/source/read.ts'
import { serializeTranslationFile, type TranslationFile } from '../src/i18n/translation-file.ts'
import { PressError } from '../src/util/problems.ts'

const repo = join(dirname(fileURLToPath(import.meta.url)), '..')
const PUB = 'wuzhen-outlook-2019'
const sourceFile = join('content', PUB, 'outlook.md')

/** A project copy whose source is `markdown` (IDs not yet minted). */
export function bigProject(markdown: string): string {
  const root = mkdtempSync(join(tmpdir(), 'press-big-'))
  for (const dir of ['content', 'translations', 'templates']) cpSync(join(repo, dir), join(root, dir), { recursive: true })
  writeFileSync(join(root, sourceFile), markdown)
  rmSync(join(root, 'content', PUB, 'ids.lock.json'), { force: true })
  return root
}

/** `count` paragraphs of about `length` characters each. */
export function paragraphs(count: number, length: number): string {
  const words = 'the council notes that digital cooperation grows across borders and languages'.split(' ')
  return Array.from({ length: count }, (_, i) => {
    let text = `Paragraph ${i}:`
    for (let w = 0; text.length < length; w++) text += ' ' + words[(i + w) % words.length]
    return text + '.'
  }).join('\n\n')
}

async function time<T>(label: string, run: () => Promise<T>): Promise<{ ms: number; result?: T }> {
  const start = performance.now()
  try {
    const result = await run()
    const ms = performance.now() - start
    console.log(`${label.padEnd(52)} ${(ms / 1000).toFixed(2).padStart(8)} s`)
    return { ms, result }
  } catch (error) {
    const ms = performance.now() - start
    const reason = error instanceof PressError ? `refused: ${error.messages[0]?.reason}` : `failed: ${(error as Error).message}`
    console.log(`${label.padEnd(52)} ${(ms / 1000).toFixed(2).padStart(8)} s  ${reason.slice(0, 120)}`)
    return { ms }
  }
}

async function readMarkdown(label: string, markdown: string): Promise<number> {
  const root = bigProject(markdown)
  try {
    const { ms } = await time(label, async () => readSources(await loadPublication(root, join('content', PUB))))
    return ms
  } finally {
    rmSync(root, { recursive: true, force: true })
  }
}

/** An XLIFF 2 export (which leaves out empty targets) with every segment translated. */
export function fillTargets(xliff: string): string {
  return xliff
    .replaceAll('<segment state="initial">', '<segment state="translated">')
    .replace(/<\/source>(\s*)<\/segment>/g, '</source>$1  <target>texte traduit</target>$1</segment>')
}

/** Mint IDs, sync and export an XLIFF of `count` paragraphs with every target filled; time the import. */
export async function importXliff(count: number, length: number): Promise<number> {
  const root = bigProject(paragraphs(count, length))
  try {
    const publication = await loadPublication(root, join('content', PUB))
    const { result: sources } = await time(`  mint IDs for ${count} paragraphs`, () =>
      resolveIds(publication, { frozen: false, write: true }),
    )
    // The translation file is written directly: \`press sync\` edits JSON one entry at a time (see the report).
    const path = join(root, 'translations', 'fr', `${PUB}.json`)
    const current = JSON.parse(readFileSync(path, 'utf8')) as TranslationFile
    const entries = Object.fromEntries(
      sources!.blocks.map((block, i) => [
        sources!.ids[i]!,
        { state: 'initial' as const, sourceHash: block.hash, source: block.text, text: '' },
      ]),
    )
    writeFileSync(path, serializeTranslationFile({ ...current, entries, orphans: {} }))
    const exported = await exportTranslation({ root, language: 'fr', format: 'xliff2' })
    const filled = fillTargets(exported.text)
    const file = join(root, 'big.xlf')
    writeFileSync(file, filled)
    const { ms } = await time(`import a ${(Buffer.byteLength(filled) / 1048576).toFixed(1)} MB XLIFF (${count} units)`, () =>
      importTranslation({ root, file }),
    )
    return ms
  } finally {
    rmSync(root, { recursive: true, force: true })
  }
}

/** Every case; `only` = ['xliff'] runs just the XLIFF import growth. */
export async function benchmarkInputs(only: string[] = []): Promise<void> {
  console.log('Big input (one process, no CLI start-up):')
  if (only.includes('xliff')) return void (await xliffGrowth())
  const p1 = await readMarkdown('1,000 paragraphs', paragraphs(1000, 200))
  const p10 = await readMarkdown('10,000 paragraphs', paragraphs(10000, 200))
  console.log(`  growth 1× → 10× paragraphs: ×${(p10 / p1).toFixed(1)}`)
  const b1 = await readMarkdown('a 200 KB paragraph', paragraphs(1, 200_000))
  const b10 = await readMarkdown('a 2 MB paragraph', paragraphs(1, 2_000_000))
  console.log(`  growth 1× → 10× paragraph length: ×${(b10 / b1).toFixed(1)}`)
  await readMarkdown('a 50 KB heading', '# ' + paragraphs(1, 50_000))
  await readMarkdown('lists nested 1,000 deep', Array.from({ length: 1000 }, (_, i) => '  '.repeat(i) + '- item').join('\n'))
  await readMarkdown('quotes nested 1,000 deep', '>'.repeat(1000) + ' deep')
  await xliffGrowth()
}

async function xliffGrowth(): Promise<void> {
  const x1 = await importXliff(1000, 1000)
  const x10 = await importXliff(10000, 1000)
  console.log(`  growth 1× → 10× XLIFF: ×${(x10 / x1).toFixed(1)}`)
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await benchmarkInputs(process.argv.slice(2))
