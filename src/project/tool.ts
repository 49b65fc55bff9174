/** The tool itself, fingerprinted: what every cache key and build fingerprint starts from. */
import { readdir, readFile } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { sha256 } from './cache.ts'

/** The folder of the running code (lib/ when compiled, src/ through tsx) and the tool's root above it. */
const codeDir = dirname(dirname(fileURLToPath(import.meta.url)))
export const toolRoot = dirname(codeDir)

let tool: Promise<string> | undefined

/** Written by scripts/compile.mjs into lib/: the hash of lib/'s files (as `codeHash` computes it), read instead of hashing them. */
const CODE_HASH_FILE = '.code-hash'

/** The tool's version (package.json), a hash of its code (lib/ or src/) and of its dependencies (package-lock.json). */
export function toolFingerprint(): Promise<string> {
  tool ??= (async () => {
    const pkg = JSON.parse(await readFile(join(toolRoot, 'package.json'), 'utf8')) as { version?: string }
    const stored = await readFile(join(codeDir, CODE_HASH_FILE), 'utf8').catch(() => undefined)
    const hash = stored?.trim() || (await codeHash())
    const lock = await readFile(join(toolRoot, 'package-lock.json')).catch(() => Buffer.from(''))
    return `${pkg.version ?? '0.0.0'}+${sha256(hash + sha256(lock)).slice(0, 16)}`
  })()
  return tool
}

export async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true }).catch(() => [])
  return entries
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .sort()
}

/** The hash of every file of the running code (src/ through tsx; lib/ stores it at compile time). */
async function codeHash(): Promise<string> {
  return hashFiles((await listFiles(codeDir)).filter((file) => basename(file) !== CODE_HASH_FILE))
}

async function hashFiles(files: readonly string[]): Promise<string> {
  const hashes = await Promise.all(files.map(async (file) => `${file.slice(codeDir.length)}:${sha256(await readFile(file))}`))
  return sha256(hashes.join('\n'))
}
