/** Bytes of every file under the given folders of a project copy, to prove nothing changed. */
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'

export function filesUnder(root: string, folders: string[] = ['content', 'translations']): Map<string, Buffer> {
  const out = new Map<string, Buffer>()
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name)
      if (entry.isDirectory()) walk(path)
      else if (entry.isFile()) out.set(relative(root, path), readFileSync(path))
    }
  }
  for (const folder of folders) walk(join(root, folder))
  return out
}

/** No stack trace lines in CLI output. */
export const stackLine = /^\s+at /m
