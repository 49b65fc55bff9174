#!/usr/bin/env node
// Runs the compiled CLI in lib/ (`npm run build`, `npm install` and `npm test`
// compile it with scripts/compile.mjs). When lib/ is missing or older than
// src/ (sources edited since), it runs the TypeScript sources through tsx
// instead: slower to start, never out of date.
import { isStale } from '../scripts/compile-state.mjs'

let main
if (!isStale()) {
  ;({ main } = await import('../lib/cli/main.js'))
} else {
  if (process.stderr.isTTY)
    process.stderr.write(
      'press: lib/ is missing or older than src/, running the sources through tsx (slower); `npm run build` compiles them.\n',
    )
  try {
    const { register } = await import('tsx/esm/api')
    register()
  } catch {
    process.stderr.write('press: the compiled CLI (lib/) is missing or out of date and tsx is not installed: run `npm run build`.\n')
    process.exit(1)
  }
  ;({ main } = await import('../src/cli/main.ts'))
}
process.exitCode = await main(process.argv.slice(2))
