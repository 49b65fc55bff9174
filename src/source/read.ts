/** Read a publication's Markdown sources and find their blocks. */
import { readFile } from 'node:fs/promises'
import { decodeText } from '../util/read-text.ts'
import { join, relative } from 'node:path'
import type { Root } from 'mdast'
import type { Publication } from '../project/load.ts'
import { parseMarkdown } from './parse.ts'
import { segment, type Block } from './segment.ts'
import { urlProblems } from './urls.ts'
import { failOnFatal, lineIndex, problem, PressError } from '../util/problems.ts'
import { nestingProblem } from './nesting.ts'
import { readFrontMatter } from './front-matter.ts'
import { groupDetails } from './details.ts'
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

export async function readSources(publication: Publication): Promise<Sources> {
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
    const { text } = readFrontMatter(decodeText(bytes, path, 'source'), path)
    const deep = nestingProblem(text, path, (offset) => lineIndex(text).placeAt(offset))
    if (deep) throw new PressError(deep)
    const tree = parseMarkdown(text)
    groupDetails(tree, text)
    const result = segment(tree, text, path)
    files.push({ path, text, tree })
    blocks.push(...result.blocks)
    const urls = urlProblems(tree, path)
    messages.push(...result.messages, ...urls)
    if (urls.length === 0) messages.push(...(await readImages(tree, path, publication.root, folder, images)))
  }
  failOnFatal(messages)
  return { files, blocks, images: [...images.values()] }
}
