/** Where the build keeps what it can reuse (font subsets now): `.press-cache/` in the project, git-ignored, removed by `press clean`. */
import { join } from 'node:path'

export const CACHE_DIR = '.press-cache'

export function cacheDir(root: string, kind: 'fonts'): string {
  return join(root, CACHE_DIR, kind)
}
