/**
 * The parse caches of .press-cache/ (parsed sources, validated configs, URL findings) are never stale: a
 * cached result equals a fresh parse, any changed byte is parsed again, and a damaged cache file is
 * parsed again rather than trusted.
 */
import assert from 'node:assert/strict'
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, describe, it } from 'node:test'
import { parseSource } from '../../src/source/parsed-cache.ts'
import { parseSourceFile } from '../../src/source/parse-file.ts'
import { observeParses } from '../../src/source/parse.ts'
import { readConfig } from '../../src/project/config-cache.ts'
import { parseConfig } from '../../src/project/parse-config.ts'
import { PressError } from '../../src/util/problems.ts'

const root = mkdtempSync(join(tmpdir(), 'press-parse-cache-'))
after(() => rmSync(root, { recursive: true, force: true }))

const markdown = '# Outlook\n\nThe Internet is a home we share.[^1]\n\n> A quoted line.\n\n- one\n- two\n\n[^1]: A note.\n'
const bytes = (text: string) => new TextEncoder().encode(text)
const cached = (kind: string) => readdirSync(join(root, '.press-cache', kind)).map((f) => join(root, '.press-cache', kind, f))

/** Parse through the cache, counting Markdown parses. */
async function counted(path: string, text: string) {
  let parses = 0
  const stop = observeParses(() => parses++)
  try {
    return { parsed: await parseSource(root, path, bytes(text), true), parses }
  } finally {
    stop()
  }
}

describe('parsed-source cache', () => {
  it('should give what a fresh parse gives, with each block pointing into the tree', async () => {
    const fresh = parseSourceFile(bytes(markdown), 'content/p/a.md')
    const first = await counted('content/p/a.md', markdown)
    assert.ok(first.parses > 0, 'a cold read parses')
    const second = await counted('content/p/a.md', markdown)
    assert.equal(second.parses, 0, 'an unchanged file is not parsed again')
    assert.deepEqual(JSON.parse(JSON.stringify(second.parsed)), JSON.parse(JSON.stringify(fresh)))
    const nodes = new Set<unknown>()
    const walk = (node: { children?: unknown[] }): void => {
      nodes.add(node)
      node.children?.forEach((c) => walk(c as { children?: unknown[] }))
    }
    walk(second.parsed.tree)
    assert.ok(second.parsed.blocks.length >= 4)
    assert.ok(
      second.parsed.blocks.every((b) => nodes.has(b.node)),
      'the blocks are nodes of the cached tree',
    )
  })

  it('should parse again when one byte or the path changes', async () => {
    const edited = markdown.replace('home', 'house')
    const run = await counted('content/p/a.md', edited)
    assert.ok(run.parses > 0)
    assert.match(run.parsed.blocks[1]!.text, /house/)
    const moved = await counted('content/p/b.md', markdown)
    assert.ok(moved.parses > 0)
    assert.equal(moved.parsed.blocks[0]!.file, 'content/p/b.md')
  })

  it('should parse again rather than trust a damaged cache file', async () => {
    for (const file of cached('sources')) writeFileSync(file, readFileSync(file, 'utf8').slice(0, 40))
    const run = await counted('content/p/a.md', markdown)
    assert.ok(run.parses > 0)
    assert.deepEqual(JSON.parse(JSON.stringify(run.parsed)), JSON.parse(JSON.stringify(parseSourceFile(bytes(markdown), 'content/p/a.md'))))
  })

  it('should keep nothing with --no-cache, nor a file with problems', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'press-parse-nocache-'))
    try {
      await parseSource(dir, 'a.md', bytes(markdown), false)
      assert.deepEqual(readdirSync(dir), [])
      const unsafe = '# T\n\n[x](javascript:alert(1))\n'
      const parsed = await parseSource(dir, 'a.md', bytes(unsafe), true)
      assert.ok(parsed.messages.length > 0)
      assert.deepEqual(readdirSync(dir), [], 'a file with problems is not kept: its messages are made again')
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})

describe('config cache', () => {
  const dir = join(root, 'content', 'p')
  mkdirSync(dir, { recursive: true })
  writeFileSync(join(dir, 'a.md'), markdown)
  const yaml = (title: string) =>
    bytes(
      `id: p\nidentifier: urn:x:p\ntitle: ${title}\nissuer: I\npublisher: P\ndate: 2019-10\n` +
        'sourceLanguage: en\nlanguages: [fr]\nsources: [a.md]\n',
    )

  it('should give the parsed config, and parse again after any change', async () => {
    const path = 'content/p/publication.yaml'
    assert.deepEqual(await readConfig(root, path, dir, yaml('One'), true), parseConfig(yaml('One'), path, dir))
    assert.deepEqual(await readConfig(root, path, dir, yaml('One'), true), parseConfig(yaml('One'), path, dir))
    assert.equal((await readConfig(root, path, dir, yaml('Two'), true)).title, 'Two')
  })

  it('should report a problem of a cached config at its place, by parsing it again', async () => {
    const path = 'content/p/publication.yaml'
    const text = new TextDecoder().decode(yaml('One')).replace('sources: [a.md]', 'sources: [a.md, ../b.md]')
    await assert.rejects(readConfig(root, path, dir, bytes(text), true), PressError)
    await assert.rejects(readConfig(root, path, dir, bytes(text), true), (error: PressError) => {
      assert.match(error.messages[0]!.reason, /climbs out/)
      assert.ok(error.messages[0]!.line)
      return true
    })
  })
})
