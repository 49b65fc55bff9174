/**
 * Print the print-quality measures of every PDF in a build folder (loose lines, Chinese one-character last lines):
 * `npx tsx test/pdf/measure-print.ts <out>`.
 */
import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { languages, pdfPath, publicationId } from './tools.ts'
import { looseLines, singleCharacterLines, stextLines } from './print-quality.ts'

const out = process.argv[2]!
const files: [string, string][] = languages.filter((l) => existsSync(pdfPath(out, l))).map((l) => [l, pdfPath(out, l)])
const dir = join(out, publicationId, 'parallel')
if (existsSync(dir)) for (const file of readdirSync(dir).sort()) files.push([file, join(dir, file)])
for (const [name, file] of files) {
  const lines = stextLines(file)
  const loose = looseLines(lines)
  const single = singleCharacterLines(lines)
  console.log(`${name}\tloose ${(loose.share * 100).toFixed(1)}% (${loose.loose}/${loose.lines})\tone-character lines ${single.length}`)
  if (process.env.VERBOSE) console.log(single.join(' '))
}
