/**
 * Which file of dist/ a request path names, if any: every segment decoded and
 * refused when it is empty in the middle, `.`, `..`, or holds a slash,
 * backslash or NUL after decoding; the real path (symbolic links followed)
 * must stay inside dist/. Anything else is "not found".
 */
import { realpath, stat } from 'node:fs/promises'
import { extname, join, sep } from 'node:path'

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.pdf': 'application/pdf',
  '.epub': 'application/epub+zip',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.txt': 'text/plain; charset=utf-8',
}

export function contentType(path: string): string {
  return types[extname(path).toLowerCase()] ?? 'application/octet-stream'
}

/** The segments of a URL path, decoded; undefined when one is unsafe or badly encoded. */
export function safeSegments(pathname: string): string[] | undefined {
  if (!pathname.startsWith('/')) return undefined
  const raw = pathname.slice(1).split('/')
  const segments: string[] = []
  for (const [index, part] of raw.entries()) {
    let decoded: string
    try {
      decoded = decodeURIComponent(part)
    } catch {
      return undefined
    }
    if (decoded === '' && index === raw.length - 1) continue // a trailing slash: the folder's index.html
    if (decoded === '' || decoded === '.' || decoded === '..' || /[/\\\0]/.test(decoded)) return undefined
    segments.push(decoded)
  }
  return segments
}

/** The absolute file for `pathname` inside `distDir` (a folder gives its index.html), or undefined. */
export async function resolveDistFile(distDir: string, pathname: string): Promise<string | undefined> {
  const segments = safeSegments(pathname)
  if (!segments) return undefined
  try {
    const base = await realpath(distDir)
    let file = await realpath(join(base, ...segments))
    if (file !== base && !file.startsWith(base + sep)) return undefined
    if ((await stat(file)).isDirectory()) {
      file = await realpath(join(file, 'index.html'))
      if (!file.startsWith(base + sep)) return undefined
    }
    return (await stat(file)).isFile() ? file : undefined
  } catch {
    return undefined
  }
}
