import assert from 'node:assert/strict'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, it } from 'node:test'
import { formatNames } from '../../src/cli/main.ts'
import { exchangeFormatNames } from '../../src/cli/exchange-commands.ts'
import { formats } from '../../src/commands/build.ts'
import { exchangeFormats } from '../../src/exchange/units.ts'
import { copyProject, ensureCompiled, press, repoRoot } from '../helpers/project.ts'

describe('the compiled command line', () => {
  it('should ship every module of src/ compiled to lib/, with the page script beside it', () => {
    ensureCompiled()
    for (const file of ['cli/main.js', 'commands/build.js', 'outputs/epub/subset-worker.js', 'outputs/pdf/render.js'])
      assert.ok(existsSync(join(repoRoot, 'lib', file)), file)
    // The paginator runs in the page as a classic script: copied byte for byte (tsc would append `export {}`).
    const paginator = join('outputs', 'pdf', 'paginator.js')
    assert.equal(readFileSync(join(repoRoot, 'lib', paginator), 'utf8'), readFileSync(join(repoRoot, 'src', paginator), 'utf8'))
    assert.doesNotMatch(readFileSync(join(repoRoot, 'lib', 'cli', 'main.js'), 'utf8'), /from '\.\.?\/[^']+\.ts'/)
  })

  it('should name in its help the formats that build and export know', () => {
    assert.deepEqual([...formatNames], [...formats])
    assert.deepEqual([...exchangeFormatNames], [...exchangeFormats])
    const run = press(copyProject(), ['build', '--help'])
    assert.equal(run.status, 0)
    assert.match(run.stdout, /only these formats: html, epub, pdf/)
    assert.match(run.stdout, /--jobs <n>/)
    assert.match(run.stdout, /--no-cache/)
  })

  it('should reject a --jobs that is not a positive whole number, before building anything', () => {
    const dir = copyProject()
    for (const value of ['0', '-2', '1.5', 'two']) {
      const run = press(dir, ['build', '--format', 'html', '--jobs', value])
      assert.equal(run.status, 2, value)
      assert.equal(
        run.stderr,
        `--jobs takes a positive whole number of parallel jobs (got "${value}"), e.g. --jobs 2.\n` +
          "(run 'press <command> --help' for the options)\n",
      )
      assert.equal(existsSync(join(dir, 'dist')), false)
    }
  })
})
