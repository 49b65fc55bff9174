/**
 * Migration matcher benchmark: a generated full-size run (500 blocks ×
 * 4,000 catalog messages: the first 450 blocks' messages in the tools' shapes,
 * 40 edited, the rest matching nothing) through matchCatalog, the matcher of
 * `press import --migrate`.
 * Run: `npx tsx scripts/benchmark-migrate.ts [runs] [blocks] [messages]`.
 */
import { matchCatalog } from '../src/exchange/migrate.ts'
import type { CatalogEntry } from '../src/exchange/po.ts'
import { parseMarkdown } from '../src/source/parse.ts'
import { segment } from '../src/source/segment.ts'

const numbers = process.argv.slice(2).map(Number).filter(Number.isFinite) // 'migrate' when run by benchmark.ts
const runs = numbers[0] ?? 3
const blockCount = numbers[1] ?? 500
const messageCount = numbers[2] ?? 4000

// Deterministic pseudo-random words.
let seed = 42
const random = (): number => {
  // mulberry32
  seed = (seed + 0x6d2b79f5) | 0
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
  return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32
}
const words = Array.from({ length: 3000 }, (_, i) => `w${i.toString(36)}${'aeiou'[i % 5]}`)
const sentence = (n: number): string => Array.from({ length: n }, () => words[Math.floor(random() * words.length)]).join(' ') + '.'

const parts: string[] = []
for (let i = 0; i < blockCount; i++) {
  if (i % 25 === 0) parts.push(`## Chapter ${i / 25} ${sentence(5)}`)
  else if (i % 25 === 7) parts.push('```\n' + `let value_${i} = compute(${i});\nprint(value_${i});` + '\n```')
  else if (i % 25 === 12) parts.push(`- *${sentence(8)}*\n- ${sentence(12)}`)
  else if (i % 25 === 18) parts.push(`| ${sentence(2)} | ${sentence(3)} |\n| --- | --- |\n| ${sentence(4)} | ${sentence(5)} |`)
  else parts.push(`${sentence(20 + (i % 30))} **${sentence(6)}** [a link](https://example.org/${i}).`)
}
const markdown = parts.join('\n\n') + '\n'
const blocks = segment(parseMarkdown(markdown), markdown, 'bench.md').blocks.slice(0, blockCount)
const ids = blocks.map((_, i) => `p-${i.toString(36).padStart(6, '0')}`)
// Messages in the shapes the tools write (catalog-shapes.ts): mdbook-i18n-helpers' `_emphasis_`, headings without
// marks, one message per table cell; po4a's bare code, and every other table whole, wrapped onto one line.
const shaped = (block: (typeof blocks)[number], i: number): string => {
  if (block.kind === 'code' && block.node.type === 'code') return block.node.value + '\n'
  return block.text.replace(/(^|[^*])\*([^*]+)\*(?!\*)/g, '$1_$2_').replace(/\n/g, i % 2 ? ' ' : '\n')
}
const catalog: CatalogEntry[] = []
/** The block each generated message was made from (by msgid): any other pairing is a wrong match. */
const madeFrom = new Map<string, number>()
const add = (msgid: string, from: number | undefined): void => {
  catalog.push({ msgid, msgstr: 'traduit', fuzzy: false })
  if (from !== undefined) madeFrom.set(msgid, from)
}
for (let k = 0; k < 490 && k < blocks.length; k++) {
  const block = blocks[k]!
  const cell = block.kind === 'table-cell' && k + 3 < blocks.length && blocks[k + 3]!.kind === 'table-cell'
  if (cell && blocks[k - 1]?.kind !== 'table-cell' && k % 2 === 0) {
    // po4a 0.69: the 2 × 2 table as one wrapped message, split back per cell by the matcher.
    const c = blocks.slice(k, k + 4).map((b) => b.text)
    const msgid = `| ${c[0]} | ${c[1]} | | --- | --- | | ${c[2]} | ${c[3]} |`
    catalog.push({ msgid, msgstr: `| a${k} | b${k} | | --- | --- | | c${k} | d${k} |`, fuzzy: false })
    c.forEach((text, j) => madeFrom.set(text, k + j))
    k += 3
    continue
  }
  add(k < 450 ? shaped(block, k) : block.text.replace(/w/, 'x'), k)
}
while (catalog.length < messageCount) add(sentence(15 + (catalog.length % 40)), undefined)

const times: number[] = []
let result: ReturnType<typeof matchCatalog> | undefined
for (let r = 0; r < runs; r++) {
  const start = performance.now()
  result = matchCatalog(catalog, blocks, ids)
  times.push((performance.now() - start) / 1000)
}
const matched = result!.matches.length
const wrong = result!.matches.filter((m) => madeFrom.get(m.entry.msgid) !== ids.indexOf(m.id)).length
const offered = madeFrom.size
times.sort((a, b) => a - b)
console.log(
  `migrate matcher: ${blocks.length} blocks × ${catalog.length} messages: median ${times[Math.floor(times.length / 2)]!.toFixed(2)} s ` +
    `(min ${times[0]!.toFixed(2)}, max ${times.at(-1)!.toFixed(2)}, ${runs} runs), ` +
    `${matched} matched of ${offered} made from a block, ${wrong} wrong`,
)
