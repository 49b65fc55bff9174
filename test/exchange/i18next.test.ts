import assert from 'node:assert/strict'
import { writeFileSync } from 'node:fs'
import { after, before, describe, it } from 'node:test'
import i18next from 'i18next'
import { exportTranslation } from '../../src/commands/export.ts'
import { press } from '../helpers/project.ts'
import { PUB, tempProject, translationFile } from './helpers.ts'

describe('plain i18next resources', () => {
  let project: ReturnType<typeof tempProject>
  before(() => (project = tempProject()))
  after(() => project.cleanup())

  it('should write a resource that a plain i18next instance loads as it is', async () => {
    const fr = translationFile(project.root, 'fr').data
    const [id, entry] = Object.entries(fr.entries)[3] as [string, { text: string }]
    const run = press(project.root, ['export', '--lang', 'fr', '--format', 'i18next'])
    assert.equal(run.status, 0, run.stderr)
    const resource = JSON.parse(run.stdout)
    assert.deepEqual(Object.keys(resource), Object.keys(fr.entries))
    const instance = i18next.createInstance()
    await instance.init({ lng: 'fr', resources: { fr: { translation: resource } } })
    assert.equal(instance.t(id), entry.text)
  })

  it('should nest the resource under the publication namespace with --namespace', async () => {
    const fr = translationFile(project.root, 'fr').data
    const id = Object.keys(fr.entries)[0]!
    const { text } = await exportTranslation({ root: project.root, language: 'fr', format: 'i18next', namespace: true })
    const instance = i18next.createInstance()
    await instance.init({ lng: 'fr', ns: [PUB], defaultNS: PUB, resources: { fr: JSON.parse(text) } })
    assert.equal(instance.t(id), fr.entries[id].text)
    assert.equal(instance.t(`${PUB}:${id}`), fr.entries[id].text)
  })

  it('should give content with {{x}} and $t(…) back verbatim with skipInterpolation, and say which keys need it', async () => {
    const { path, data } = translationFile(project.root, 'es')
    const id = Object.keys(data.entries)[2]!
    data.entries[id].text = 'Un texto con {{x}} y $t(otra) dentro.'
    writeFileSync(path, JSON.stringify(data, null, 2) + '\n')
    const run = press(project.root, ['export', '--lang', 'es', '--format', 'i18next'])
    assert.equal(run.status, 0)
    assert.match(run.stderr, new RegExp(`warning: ${id}: the text contains i18next syntax`))
    const instance = i18next.createInstance()
    await instance.init({ lng: 'es', resources: { es: { translation: JSON.parse(run.stdout) } } })
    assert.equal(instance.t(id, { skipInterpolation: true }), 'Un texto con {{x}} y $t(otra) dentro.')
  })
})
