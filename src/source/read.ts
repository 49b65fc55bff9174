/** Read a publication's Markdown sources and find their blocks. */
import { readFile } from 'node:fs/promises'
import { join, relative } from 'node:path'
import type { Root } from 'mdast'
import type { Publication } from '../project/load.ts'
import type { Block } from './segment.ts'
import { failOnFatal, problem, PressError } from '../util/problems.ts'
import { parseSource } from './parsed-cache.ts'
import { readImages, type SourceImage } from './images.ts'

export interface SourceFile {
  /** Path relative to the project root (for messages and the lock). */
  path: string
  /** The file's text, front matter blanked out (src/source/front-matter.ts). */
  text: string
  tree: Root
}

export interface Sources {
  files: SourceFile[]
  blocks: Block[]
  /** The local images the sources use, each once, in order of first use. */
  images: SourceImage[]
}

/** `cache`: read and keep parsed files in .press-cache/sources/ (src/source/parsed-cache.ts). */
export async function readSources(publication: Publication, cache = true): Promise<Sources> {
  const files: SourceFile[] = []
  const blocks: Block[] = []
  const messages = []
  const images = new Map<string, SourceImage>()
  const folder = relative(publication.root, publication.dir) || '.'
  for (const name of publication.config.sources) {
    const path = relative(publication.root, join(publication.dir, name))
    let bytes: Buffer
    try {
      bytes = await readFile(join(publication.root, path))
    } catch {
      throw new PressError(
        problem(`Source file ${path} listed in publication.yaml cannot be read.`, {
          file: publication.configPath,
          hint: 'Check the `sources` list in publication.yaml.',
        }),
      )
    }
    const { text, tree, blocks: found, messages: problems, urlsAllowed } = await parseSource(publication.root, path, bytes, cache)
    files.push({ path, text, tree })
    blocks.push(...found)
    messages.push(...problems)
    if (urlsAllowed) messages.push(...(await readImages(tree, path, publication.root, folder, images)))
  }
  failOnFatal(messages)
  return { files, blocks, images: [...images.values()] }
}
