/** Where things are in a project. */
import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { CONTENT_DIR } from './folders.ts'
import { CONFIG_FILE, loadPublication, type Publication } from './load.ts'
import { problem, PressError } from '../util/problems.ts'

export { CONTENT_DIR, TRANSLATIONS_DIR, translationPath, uiPath } from './folders.ts'

/** Every publication under content/ (a folder with a publication.yaml), or the one named; `cache`: see loadPublication. */
export async function findPublications(root: string, only?: string, cache = true): Promise<Publication[]> {
  let names: string[]
  try {
    names = (await readdir(join(root, CONTENT_DIR), { withFileTypes: true }))
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
      .sort()
  } catch {
    throw new PressError(
      problem(`No ${CONTENT_DIR}/ folder here.`, { file: root, hint: 'Run press from the project root, or pass --root.' }),
    )
  }
  const publications: Publication[] = []
  for (const name of names) {
    if (only && name !== only) continue
    try {
      await readdir(join(root, CONTENT_DIR, name)).then((files) => {
        if (!files.includes(CONFIG_FILE)) throw new Error('none')
      })
    } catch {
      continue
    }
    publications.push(await loadPublication(root, join(CONTENT_DIR, name), cache))
  }
  if (publications.length === 0) {
    throw new PressError(
      problem(only ? `No publication "${only}" in ${CONTENT_DIR}/.` : `No publication in ${CONTENT_DIR}/.`, {
        file: CONTENT_DIR,
        hint: `A publication is a folder ${CONTENT_DIR}/<id>/ with a ${CONFIG_FILE} (see README.md).`,
      }),
    )
  }
  return publications
}

/** The paragraph-ID lock beside a publication's sources (src/ids/lock.ts reads and writes it). */
export const LOCK_FILE = 'ids.lock.json'
