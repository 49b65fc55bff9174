import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { EventHub, type PreviewEvent } from '../../src/commands/preview/events.ts'
import { Rebuilder, type BuildRun } from '../../src/commands/preview/rebuild.ts'
import { PressError, problem } from '../../src/util/problems.ts'

/** A hub that keeps what it publishes. */
class Recorder extends EventHub {
  readonly events: PreviewEvent[] = []
  override publish(event: PreviewEvent): void {
    this.events.push(event)
    super.publish(event)
  }
}

const dist = '/p/dist'

function rebuilder(run: BuildRun): { hub: Recorder; rebuilder: Rebuilder; requests: string[] } {
  const hub = new Recorder()
  const requests: string[] = []
  const wrapped: BuildRun = (request, problems, written) => {
    requests.push(`${request.formats.join('+')} ${request.languages?.join(',') ?? 'all'}`)
    return run(request, problems, written)
  }
  const r = new Rebuilder({ formats: ['html', 'pdf'], distDir: dist, hub, run: wrapped, report: () => undefined, backgroundDelayMs: 30 })
  return { hub, rebuilder: r, requests }
}

describe('preview rebuild lanes', () => {
  it('should announce a page as soon as it is written, and list only the other changed files at the end', async () => {
    const { hub, rebuilder: r } = rebuilder(async (request, _problems, written) => {
      if (request.formats.includes('html')) {
        written(`${dist}/pub/fr/index.html`, true)
        written(`${dist}/pub/assets/screen.css`, false)
        written(`${dist}/pub/assets/fonts.css`, true)
        return { files: [`${dist}/pub/fr/index.html`, `${dist}/pub/assets/screen.css`, `${dist}/pub/assets/fonts.css`] }
      }
      written(`${dist}/pub/fr/pub.fr.pdf`, true)
      return { files: [`${dist}/pub/fr/pub.fr.pdf`] }
    })
    r.changed(['translations/fr/pub.json'])
    await r.idle()
    const fast = hub.events.filter((e) => 'lane' in e && e.lane === 'fast')
    assert.deepEqual(
      fast.map((e) => e.type),
      ['building', 'written', 'built'],
    )
    assert.deepEqual((fast[1] as { files: string[] }).files, ['/pub/fr/index.html'])
    assert.deepEqual((fast[2] as { files: string[] }).files, ['/pub/assets/fonts.css'], 'an unchanged file is not listed')
    const background = hub.events.filter((e) => e.type === 'background')
    assert.deepEqual(
      background.map((e) => (e as { state: string }).state),
      ['updating', 'ready'],
    )
    const pdf = hub.events.find((e) => e.type === 'written' && e.lane === 'background') as { files: string[] }
    assert.deepEqual(pdf.files, ['/pub/fr/pub.fr.pdf'])
  })

  it('should make one background build of saves in a row, after the fast builds', async () => {
    let release = (): void => undefined
    const { rebuilder: r, requests } = rebuilder(async (request) => {
      if (request.formats.includes('html') && requests.length === 1) await new Promise<void>((resolve) => (release = resolve))
      return { files: [] }
    })
    r.changed(['translations/fr/pub.json'])
    await new Promise((resolve) => setTimeout(resolve, 10))
    r.changed(['translations/es/pub.json'])
    release()
    await r.idle()
    assert.deepEqual(requests, ['html fr', 'html es', 'pdf es,fr'])
  })

  it('should end a failed build with a failed event (the overlay shows its problems)', async () => {
    const { hub, rebuilder: r } = rebuilder(async () => {
      throw new PressError(problem('Broken.', { file: 'translations/fr/pub.json', place: { line: 2, column: 3 } }))
    })
    r.changed(['translations/fr/pub.json'])
    await r.idle()
    assert.deepEqual(
      hub.events.map((e) => e.type),
      ['building', 'problems', 'failed'],
    )
    assert.equal(
      hub.events.some((e) => e.type === 'background'),
      false,
      'no background build after a failed fast one',
    )
  })
})
