/**
 * Validated publication.yaml files kept on disk: .press-cache/config/<key>.json,
 * the key a hash of the tool, the runtime's language data (ICU and CLDR: which
 * language codes are known), the file's path and its bytes. A command whose
 * config did not change loads no YAML parser and no config schema. Where the
 * sources may lead (symlinks) is checked again every time, and any problem is
 * reported by a full parse, at its place in the file.
 */
import { join } from 'node:path'
import { writeFileAtomic } from '../util/files.ts'
import { CACHE_DIR, readStored, sha256 } from './cache.ts'
import { toolFingerprint } from './tool.ts'
import type { PublicationConfig } from './schema.ts'
import { checkSourcePaths } from './source-paths.ts'

const FORMAT = 'press config 1'

interface Stored {
  format: string
  key: string
  config: PublicationConfig
}

/** The config in `bytes` (of `configPath`, in the publication folder `absolute`): from the cache under `root`, or parsed. */
export async function readConfig(
  root: string,
  configPath: string,
  absolute: string,
  bytes: Uint8Array,
  cache: boolean,
): Promise<PublicationConfig> {
  const runtime = `${process.versions.node} icu ${process.versions.icu} cldr ${process.versions.cldr}`
  const key = cache ? sha256(`${FORMAT}\0${await toolFingerprint()}\0${runtime}\0${configPath}\0${sha256(bytes)}`) : ''
  const file = join(root, CACHE_DIR, 'config', `${key}.json`)
  if (cache) {
    const stored = await readStored<Stored>(file)
    if (
      stored?.format === FORMAT &&
      stored.key === key &&
      checkSourcePaths(stored.config.sources, absolute, configPath, () => undefined).length === 0
    )
      return stored.config
  }
  const { parseConfig } = await import('./parse-config.ts')
  const config = parseConfig(bytes, configPath, absolute)
  // A cache that cannot be written (a read-only checkout) only means parsing again next time.
  if (cache) await writeFileAtomic(file, JSON.stringify({ format: FORMAT, key, config } satisfies Stored)).catch(() => undefined)
  return config
}
