// Ace by DAISY on several EPUBs in one process and one Chromium: `node ace-many.cjs <epub> <report dir> ...`.
// Each EPUB goes through @daisy/ace-core exactly as `ace-cli --silent --force --outdir <dir> --tempdir <dir>/tmp`
// runs it (ace-cli-shared calls the same function with the same options); only the browser stays open between
// EPUBs instead of starting once per EPUB. An EPUB Ace cannot check leaves no report.json: the caller says so.
'use strict'
const { createRequire } = require('node:module')
const { join } = require('node:path')

// Ace's own modules, as ace-cli resolves them.
const fromCli = createRequire(require.resolve('@daisy/ace-cli-shared'))
const ace = fromCli('@daisy/ace-core')
const logger = fromCli('@daisy/ace-logger')
const runner = createRequire(require.resolve('@daisy/ace-cli/package.json'))('@daisy/ace-axe-runner-puppeteer')

/** The runner Ace asks to launch and close its browser for every EPUB: launched once, closed at the end. */
let launched
const shared = {
  concurrency: runner.concurrency,
  setTimeout: (ms) => runner.setTimeout(ms),
  launch: () => (launched ??= runner.launch()),
  close: async () => {},
  run: (...args) => runner.run(...args),
}

async function main() {
  logger.initLogger({ verbose: false, silent: true })
  const args = process.argv.slice(2)
  let failed = 0
  for (let i = 0; i + 1 < args.length; i += 2) {
    const [epub, outdir] = [args[i], args[i + 1]]
    try {
      await ace(epub, { cwd: process.cwd(), outdir, tmpdir: join(outdir, 'tmp'), verbose: false, silent: true, jobId: '' }, shared)
    } catch (error) {
      failed++
      process.stderr.write(`ace: ${epub}: ${error && error.message ? error.message : error}\n`)
      // A browser that failed stays failed: start another for the next EPUB.
      if (launched)
        await launched
          .then(
            () => runner.close(),
            () => undefined,
          )
          .catch(() => undefined)
      launched = undefined
    }
  }
  if (launched) await launched.then(() => runner.close())
  process.exit(failed === 0 ? 0 : 1)
}
main()
