/**
 * Migration matcher benchmark: a generated full-size run (500 blocks × 4,000
 * catalog messages: 450 exact, 40 edited, 3,510 matching nothing) through
 * matchCatalog, the matcher of `press import --migrate`.
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
  else parts.push(`${sentence(20 + (i % 30))} **${sentence(6)}** [a link](https://example.org/${i}).`)
}
const markdown = parts.join('\n\n') + '\n'
const { blocks } = segment(parseMarkdown(markdown), markdown, 'bench.md')
const ids = blocks.map((_, i) => `p-${i.toString(36).padStart(6, '0')}`)
const catalog: CatalogEntry[] = []
blocks
  .slice(0, 450)
  .forEach((block) => catalog.push({ msgid: block.kind === 'heading' ? `## ${block.text}` : block.text, msgstr: 'traduit', fuzzy: false }))
blocks.slice(450, 490).forEach((block) => catalog.push({ msgid: block.text.replace(/w/, 'x'), msgstr: 'traduit', fuzzy: false }))
while (catalog.length < messageCount) catalog.push({ msgid: sentence(15 + (catalog.length % 40)), msgstr: 'traduit', fuzzy: false })

const times: number[] = []
let result: ReturnType<typeof matchCatalog> | undefined
for (let r = 0; r < runs; r++) {
  const start = performance.now()
  result = matchCatalog(catalog, blocks, ids)
  times.push((performance.now() - start) / 1000)
}
const matched = result!.matches.length
// Message k was made from block k (k < 490): any other pairing is a wrong match.
const wrong = result!.matches.filter((m) => catalog.indexOf(m.entry) !== ids.indexOf(m.id)).length
times.sort((a, b) => a - b)
console.log(
  `migrate matcher: ${blocks.length} blocks × ${catalog.length} messages: median ${times[Math.floor(times.length / 2)]!.toFixed(2)} s ` +
    `(min ${times[0]!.toFixed(2)}, max ${times.at(-1)!.toFixed(2)}, ${runs} runs), ${matched} matched, ${wrong} wrong`,
)
