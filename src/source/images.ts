/**
 * Local images of a publication: every `![alt](file)` (and image reference)
 * of a source, read from the publication's folder, checked (type, size, SVG
 * without script) and named by content (`images/<sha256>.<ext>`), so that every
 * edition copies the same bytes under the same name, whatever the folders.
 * The source tree's image URLs are rewritten to those names.
 */
import { createHash } from 'node:crypto'
import { readFile, stat } from 'node:fs/promises'
import { join, posix } from 'node:path'
import type { Nodes, Root } from 'mdast'
import { visit } from 'unist-util-visit'
import type { VFileMessage } from 'vfile-message'
import { problem } from '../util/problems.ts'
import { formatBytes, maxImageBytes } from '../util/limits.ts'

export interface SourceImage {
  /** Path relative to the project root (posix). */
  path: string
  /** The name every edition gives it: `images/<sha256, 16 hex>.<ext>`. */
  name: string
  mediaType: string
  bytes: Uint8Array
}

export const imageTypes: Record<string, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  svg: 'image/svg+xml',
}

/** Project-relative path of an image URL written in `file` (a Markdown path relative to the root). */
export function imagePath(file: string, url: string): string {
  let path = url.replace(/[?#].*$/, '')
  try {
    path = decodeURIComponent(path)
  } catch {
    // Kept as written: a file name may contain a literal "%".
  }
  return posix.normalize(posix.join(posix.dirname(file.replaceAll('\\', '/')), path.replaceAll('\\', '/')))
}

/** An SVG that could run script or fetch something is refused. */
function svgProblem(text: string): string | undefined {
  if (/<script\b/i.test(text)) return 'contains a <script>'
  if (/<foreignObject\b/i.test(text)) return 'contains a <foreignObject>'
  if (/\son[a-z]+\s*=/i.test(text)) return 'contains an event handler attribute (on…=)'
  if (/<!ENTITY/i.test(text)) return 'declares XML entities'
  for (const [, url] of text.matchAll(/(?:href|src)\s*=\s*["']([^"']*)["']/gi)) if (!url!.startsWith('#')) return `refers to ${url}`
  if (/url\(\s*["']?(?!#)/i.test(text)) return 'refers to an outside resource in its style'
  return undefined
}

/**
 * Read the images `tree` (the source `file`) uses, from `root`; `publicationDir` is the
 * publication's folder relative to the root (images must be inside it). Rewrites their URLs.
 */
export async function readImages(
  tree: Root,
  file: string,
  root: string,
  publicationDir: string,
  known: Map<string, SourceImage>,
): Promise<VFileMessage[]> {
  const messages: VFileMessage[] = []
  const referenced = new Set<string>()
  visit(tree, 'imageReference', (node) => void referenced.add(node.identifier))
  const targets: Nodes[] = []
  visit(tree, (node: Nodes) => {
    if (node.type === 'image' || (node.type === 'definition' && referenced.has(node.identifier))) targets.push(node)
  })
  const folder = posix.normalize(publicationDir.replaceAll('\\', '/'))
  for (const node of targets) {
    const url = (node as { url: string }).url
    const place = node.position?.start
    const fail = (reason: string, hint: string): void => void messages.push(problem(reason, { file, place, hint, ruleId: 'image' }))
    const path = imagePath(file, url)
    const ext = /\.([a-z0-9]+)$/i.exec(path)?.[1]?.toLowerCase() ?? ''
    if (folder !== '.' && !path.startsWith(`${folder}/`)) {
      fail(`The image ${url} is outside the publication's folder.`, `Put it in ${folder}/ and refer to it relative to ${file}.`)
      continue
    }
    if (!(ext in imageTypes)) {
      fail(`The image ${url} is not PNG, JPEG, GIF or SVG.`, 'Convert it to PNG or JPEG (WebP is not a core EPUB 3.2 media type).')
      continue
    }
    let image = known.get(path)
    if (!image) {
      let bytes: Uint8Array
      try {
        const size = (await stat(join(root, path))).size
        if (size > maxImageBytes) {
          fail(`The image ${url} is ${formatBytes(size)}, over the limit of ${formatBytes(maxImageBytes)}.`, 'Make it smaller.')
          continue
        }
        bytes = new Uint8Array(await readFile(join(root, path)))
      } catch {
        fail(`The image ${url} does not exist (looked for ${path}).`, `Check the file name; it is relative to ${file}.`)
        continue
      }
      if (ext === 'svg') {
        const bad = svgProblem(new TextDecoder().decode(bytes))
        if (bad) {
          fail(`The SVG image ${url} ${bad}.`, 'An image may not run script or load anything; save it as plain SVG or PNG.')
          continue
        }
      }
      const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 16)
      image = { path, name: `images/${hash}.${ext === 'jpeg' ? 'jpg' : ext}`, mediaType: imageTypes[ext]!, bytes }
      known.set(path, image)
    }
    ;(node as { url: string }).url = image.name
  }
  return messages
}
