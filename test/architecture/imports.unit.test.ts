/** The import graph of src/ (rules in .dependency-cruiser.cjs): floors run one way, no circles. */
import assert from 'node:assert/strict'
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { describe, it } from 'node:test'
import { importViolations as violations } from '../../scripts/check-imports.mjs'

describe('the import graph of src/', () => {
  it('should have no import circle and no import from a lower floor to a higher one', () => {
    assert.deepEqual(violations(), [])
  })

  it('should report an upward import, a type-only one, and a circle, naming the files', () => {
    const project = mkdtempSync(join(tmpdir(), 'press-graph-'))
    const files: Record<string, string> = {
      'src/commands/build.ts': 'export const build = (): number => 1\n',
      'src/util/json.ts': "import { build } from '../commands/build.ts'\nexport const x = build()\n",
      'src/ids/lock.ts': "import type { Edition } from '../edition/model.ts'\nexport type Lock = Edition\n",
      'src/edition/model.ts': 'export interface Edition { id: string }\n',
      'src/qa/a.ts': "import { b } from './b.ts'\nexport const a = (): number => b()\n",
      'src/qa/b.ts': "import { a } from './a.ts'\nexport const b = (): number => a()\n",
      'src/index.ts': "export { build } from './commands/build.ts'\n",
    }
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(project, path)), { recursive: true })
      writeFileSync(join(project, path), text)
    }
    assert.deepEqual(violations(project).sort(), [
      'no-circular: src/qa/a.ts → src/qa/b.ts (circle: src/qa/b.ts → src/qa/a.ts)',
      'no-import-up-from-i18n-ids-source-qa-exchange: src/ids/lock.ts → src/edition/model.ts',
      'no-import-up-from-project-util: src/util/json.ts → src/commands/build.ts',
    ])
  })
})
