/**
 * `press preview` keeps what it parsed and localized between rebuilds (src/commands/build/session.ts): a change to
 * any kind of input must still show up in what it serves, and what it serves must be what a fresh build writes.
 */
import assert from 'node:assert/strict'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { copyProject, press, publicationId } from '../helpers/project.ts'
import { followBuilds, rawRequest, settled, startPreview, type BuildEvents, type RunningPreview } from '../helpers/preview.ts'

let dir: string
let preview: RunningPreview
let builds: BuildEvents

const pages = {
  en: `/${publicationId}/en/index.html`,
  fr: `/${publicationId}/fr/index.html`,
  review: `/${publicationId}/review/en-fr.html`,
  screen: `/${publicationId}/assets/screen.css`,
}
const served = async (path: string): Promise<string> => (await rawRequest(preview.url, { path, headers: { host: preview.host } })).body
/** Wait until the page served at `path` does (or does not) contain `text`. */
async function shows(path: string, text: string, present = true): Promise<void> {
  const deadline = Date.now() + 180_000
  while ((await served(path)).includes(text) !== present) {
    if (Date.now() > deadline) assert.fail(`${path} ${present ? 'never showed' : 'still shows'} "${text}"\n${preview.output()}`)
    await new Promise((resolve) => setTimeout(resolve, 150))
  }
}
/** Change a file of the project as an editor would (a plain write of the whole file). */
function edit(path: string, change: (text: string) => string): string {
  const before = readFileSync(join(dir, path), 'utf8')
  const after = change(before)
  assert.notEqual(after, before, `the edit changes ${path}`)
  writeFileSync(join(dir, path), after)
  return before
}

describe('press preview never serves a stale result', { timeout: 900_000 }, () => {
  before(async () => {
    dir = copyProject()
    preview = await startPreview(dir, ['--format', 'html', '--lang', 'en,fr'])
    builds = followBuilds(preview)
  })
  after(async () => {
    builds?.close()
    if (preview && preview.child.exitCode === null) await preview.stop()
  })

  it('should show a changed translation entry, and the old text again when the file is put back', async () => {
    const path = `translations/fr/${publicationId}.json`
    const marker = 'Motdemesurefrais'
    const original = edit(path, (text) => {
      const file = JSON.parse(text) as { entries: Record<string, { text: string }> }
      const entry = Object.values(file.entries).find((e) => e.text !== '')!
      entry.text = `${entry.text} ${marker}`
      return JSON.stringify(file, null, 2) + '\n'
    })
    await shows(pages.fr, marker)
    await shows(pages.review, marker)
    writeFileSync(join(dir, path), original)
    await shows(pages.fr, marker, false)
  })

  it('should show a changed source paragraph in the source edition and the review page', async () => {
    const marker = 'Sourcemarkerword'
    edit(`content/${publicationId}/outlook.md`, (text) =>
      text.replace(
        'This year marks the 50th anniversary of the Internet.',
        `This year marks the 50th anniversary of the Internet ${marker}.`,
      ),
    )
    await shows(pages.en, marker)
    await shows(pages.review, marker)
  })

  it('should show a changed interface string', async () => {
    const marker = 'Sommaireinterfacefrais'
    edit('translations/fr/ui.json', (text) => text.replace('"contents": "Table des matières"', `"contents": "${marker}"`))
    await shows(pages.fr, marker)
  })

  it('should serve a changed template', async () => {
    const marker = '/* template marker */'
    edit('templates/screen.css', (text) => `${text}\n${marker}\n`)
    await shows(pages.screen, marker)
  })

  it('should show a changed publication.yaml', async () => {
    const marker = 'Wuzhen Outlook Freshtitle'
    edit(`content/${publicationId}/publication.yaml`, (text) => text.replace('title: Wuzhen Outlook 2019', `title: ${marker}`))
    await shows(pages.en, marker)
  })

  it('should have written the bytes a fresh build writes', async () => {
    await settled(builds, 3_000)
    const out = join(dir, 'fresh')
    const run = press(dir, ['build', '--format', 'html', '--lang', 'en,fr', '--no-cache', '--out', out])
    assert.equal(run.status, 0, run.stderr)
    for (const path of Object.values(pages)) {
      const fresh = readFileSync(join(out, ...path.split('/')))
      assert.ok(fresh.equals(readFileSync(join(dir, 'dist', ...path.split('/')))), `${path} is what a fresh build writes`)
    }
  })
})
