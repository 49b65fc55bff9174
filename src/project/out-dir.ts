/**
 * Where `press build` and `press review` may write: anywhere the user chooses,
 * except a filesystem root, the project root or one of its ancestors, and
 * content/ or translations/ (or inside them), which hold the user's own files.
 */
import { realpathSync } from 'node:fs'
import { basename, dirname, join, parse, relative, resolve, sep } from 'node:path'
import { CONTENT_DIR, TRANSLATIONS_DIR } from './folders.ts'
import { problem, PressError } from '../util/problems.ts'

/** The absolute output folder for `--out <out>`, or a PressError naming the path. */
export function outputFolder(root: string, out: string): string {
  const absolute = resolve(root, out)
  const real = realPath(absolute)
  const realRoot = realPath(resolve(root))
  const refuse = (why: string): never => {
    throw new PressError(
      problem(`--out ${out} would write the editions ${why}.`, {
        file: absolute,
        hint: 'Choose an empty or dedicated folder for the output, such as dist/ (the default) or a folder outside the project.',
        ruleId: 'unsafe-out-dir',
      }),
    )
  }
  if (parse(real).root === real) refuse('into the root of the filesystem')
  if (real === realRoot) refuse('into the project root')
  if (isInside(realRoot, real)) refuse('into a folder that contains the project')
  for (const folder of [CONTENT_DIR, TRANSLATIONS_DIR]) {
    const guarded = join(realRoot, folder)
    if (real === guarded || isInside(real, guarded))
      refuse(`into ${folder}/, which holds your ${folder === CONTENT_DIR ? 'sources' : 'translations'}`)
  }
  return absolute
}

/** True when `path` lies strictly inside `folder`. */
function isInside(path: string, folder: string): boolean {
  const rel = relative(folder, path)
  return rel !== '' && !rel.startsWith('..') && !rel.startsWith(sep) && rel !== '..'
}

/** The path with symlinks resolved as far as it exists (the rest appended). */
function realPath(path: string): string {
  try {
    return realpathSync(path)
  } catch {
    const parent = dirname(path)
    return parent === path ? path : join(realPath(parent), basename(path))
  }
}
