/** Read publication.yaml and validate it, reporting problems at their place in the file. */
import { readFile } from 'node:fs/promises'
import { isAbsolute, join, relative } from 'node:path'
import { problem, PressError } from '../util/problems.ts'
import type { PublicationConfig } from './schema.ts'
import { readConfig } from './config-cache.ts'
import { CONFIG_FILE } from './folders.ts'

export { CONFIG_FILE } from './folders.ts'

export interface Publication {
  config: PublicationConfig
  /** Absolute folder of the publication (content/<id>). */
  dir: string
  /** Project root. */
  root: string
  /** Path of the config file relative to the root, for messages. */
  configPath: string
}

/** `cache`: keep the validated config in .press-cache/config/ (src/project/config-cache.ts). */
export async function loadPublication(root: string, dir: string, cache = true): Promise<Publication> {
  const absolute = isAbsolute(dir) ? dir : join(root, dir)
  const configPath = relative(root, join(absolute, CONFIG_FILE))
  let bytes: Buffer
  try {
    bytes = await readFile(join(root, configPath))
  } catch {
    throw new PressError(
      problem(`No ${CONFIG_FILE} in this publication folder.`, {
        file: relative(root, absolute) || '.',
        hint: `Create ${configPath} (see "Adding a publication" in README.md).`,
      }),
    )
  }
  const config = await readConfig(root, configPath, absolute, bytes, cache)
  return { config, dir: absolute, root, configPath }
}
