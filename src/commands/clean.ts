/** `press clean`: remove the build cache of a project (never the sources or dist/). */
import { rm, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { CACHE_DIR } from '../project/cache.ts'

/** Removes `<root>/.press-cache`; returns its path relative to the root, or undefined when there was none. */
export async function clean(root: string): Promise<string | undefined> {
  const dir = join(root, CACHE_DIR)
  const exists = await stat(dir).then(
    () => true,
    () => false,
  )
  if (!exists) return undefined
  await rm(dir, { recursive: true, force: true })
  return `${CACHE_DIR}/`
}
