/** Print the words-intact share of every PDF in a build folder: `npx tsx test/pdf/measure-words.ts <out>`. */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { expectedEditions, pdfPath, publicationId } from './tools.ts'
import { pdfText, wordShare } from './words.ts'

const out = process.argv[2]!
const expected = await expectedEditions()
const files: [string, string, boolean][] = []
for (const lang of expected.keys()) {
  if (existsSync(pdfPath(out, lang))) files.push([lang, pdfPath(out, lang), false])
  const parallel = join(out, publicationId, 'parallel', `en-${lang}.pdf`)
  if (existsSync(parallel)) files.push([lang, parallel, true])
}
for (const [lang, file, column] of files) {
  const e = expected.get(lang)!
  const result = wordShare(
    [e.blocks.map((b) => b.text), ...e.notes.map((n) => [n.text])],
    pdfText(file, column ? 'right' : undefined),
    lang,
  )
  console.log(`${file.split('/').slice(-2).join('/')}\t${lang}\t${(result.share * 100).toFixed(1)}%\t${result.found}/${result.total}`)
  if (process.env.VERBOSE) console.log(result.missing.join('\n'))
}
