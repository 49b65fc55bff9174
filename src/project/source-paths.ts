/**
 * Sources stay inside their publication's folder: no `..` segment, and no
 * symlink that leads out of it (a contributor's symlink could otherwise
 * publish any file of the machine).
 */
import { realpathSync } from 'node:fs'
import { isAbsolute, join, relative, sep } from 'node:path'
import type { VFileMessage } from 'vfile-message'
import { problem, type Place } from '../util/problems.ts'

export function checkSourcePaths(
  sources: readonly string[],
  dir: string,
  file: string,
  placeOf: (index: number) => Place | undefined,
): VFileMessage[] {
  const messages: VFileMessage[] = []
  let realDir: string
  try {
    realDir = realpathSync(dir)
  } catch {
    return []
  }
  sources.forEach((name, index) => {
    const refuse = (why: string): void => {
      messages.push(
        problem(`The source ${name} ${why}, outside the publication's folder.`, {
          file,
          place: placeOf(index),
          hint: "Put the Markdown file itself (not a symlink to it) into the publication's folder and list it by its path there.",
          ruleId: 'source-outside',
        }),
      )
    }
    if (name.split(/[/\\]/).includes('..')) return refuse('climbs out with ".."')
    let real: string
    try {
      real = realpathSync(join(dir, name))
    } catch {
      return // a missing file is reported when the sources are read
    }
    const rel = relative(realDir, real)
    if (rel === '' || rel.startsWith('..' + sep) || rel === '..' || isAbsolute(rel)) refuse(`resolves (through a symlink) to ${real}`)
  })
  return messages
}
