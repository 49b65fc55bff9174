/**
 * A JSON document edited property by property in one of its objects, with
 * jsonc-parser's `modify` (its formatting, so every byte not concerned stays
 * as it was), in time that does not grow with the object.
 *
 * `modify` parses the whole text at every edit, which is quadratic over a
 * file of thousands of entries. Its edit only ever touches the property
 * edited (or the one an insertion follows) and the whitespace of the lines
 * it is on, so here each edit runs on a small document made of that property
 * alone, started on its own line as in the file, and its result is put back.
 * When a property's line is not its own (two properties on one line), or an
 * insertion comes first in the object, the edit runs on the whole text as
 * before: the result is the same either way.
 */
import { applyEdits, modify, parseTree, findNodeAtLocation, type FormattingOptions } from 'jsonc-parser'

interface Property {
  key: string
  /** Text between the previous property (or the object's `{`) and this property's key. */
  lead: string
  /** The property: key, colon and value. */
  text: string
}

export class PropertyList {
  #before = ''
  #after = ''
  #properties: Property[] = []
  #index = new Map<string, number>()
  readonly #path: string[]
  readonly #formatting: FormattingOptions

  /** `text` is the document; `path` names the object (e.g. `['entries']`), which must exist. */
  constructor(text: string, path: string[], formatting: FormattingOptions) {
    this.#path = path
    this.#formatting = formatting
    this.#split(text)
  }

  get text(): string {
    let out = this.#before
    for (const property of this.#properties) out += property.lead + property.text
    return out + this.#after
  }

  get size(): number {
    return this.#properties.length
  }

  keyAt(index: number): string {
    return this.#properties[index]!.key
  }

  keys(): string[] {
    return this.#properties.map((p) => p.key)
  }

  /** `modify(text, [...path, key, field], value)`: set or (value undefined) remove a field of a property's object value. */
  setField(key: string, field: string, value: unknown): void {
    const at = this.#index.get(key)
    if (at === undefined) throw new Error(`no property ${key}`)
    const property = this.#properties[at]!
    const prefix = linePrefix(property.lead)
    if (prefix !== undefined) {
      const window = `{\n${prefix}${property.text}\n}`
      const changed = edit(window, [key, field], value, this.#formatting)
      const start = `{\n${prefix}`
      if (changed.startsWith(start) && changed.endsWith('\n}')) {
        property.text = changed.slice(start.length, -2)
        return
      }
    }
    this.modifyDocument([...this.#path, key, field], value)
  }

  /** `modify(text, [...path, key], value, {getInsertionIndex})`: add a property at `index` (0 = first). */
  insert(key: string, value: unknown, index: number): void {
    const previous = index > 0 ? this.#properties[index - 1] : undefined
    const prefix = previous ? linePrefix(previous.lead) : undefined
    if (previous && prefix !== undefined) {
      const window = `{\n${prefix}${previous.text}\n}`
      const changed = edit(window, [key], value, this.#formatting, () => 1)
      const start = `{\n${prefix}${previous.text}`
      const added = changed.startsWith(start) && changed.endsWith('\n}') ? changed.slice(start.length, -2) : ''
      const quote = added.indexOf('"')
      if (quote > 0 && /^,\s*$/.test(added.slice(0, quote))) {
        this.#properties.splice(index, 0, { key, lead: added.slice(0, quote), text: added.slice(quote) })
        this.#reindex(index)
        return
      }
    }
    this.modifyDocument([...this.#path, key], value, () => index)
  }

  /** Run `modify` on the whole document (anything this list does not do itself), then split it again. */
  modifyDocument(path: (string | number)[], value: unknown, insertionIndex?: (keys: string[]) => number): void {
    this.#split(edit(this.text, path, value, this.#formatting, insertionIndex))
  }

  #split(text: string): void {
    const tree = parseTree(text)
    const object = tree && findNodeAtLocation(tree, this.#path)
    if (!object || object.type !== 'object') throw new Error(`no object at ${this.#path.join('.')}`)
    let end = object.offset + 1
    this.#before = text.slice(0, end)
    this.#properties = []
    for (const child of object.children ?? []) {
      const key = child.children?.[0]?.value
      if (typeof key !== 'string') throw new Error(`a property of ${this.#path.join('.')} has no name`)
      this.#properties.push({ key, lead: text.slice(end, child.offset), text: text.slice(child.offset, child.offset + child.length) })
      end = child.offset + child.length
    }
    this.#after = text.slice(end)
    this.#reindex(0)
  }

  #reindex(from: number): void {
    if (from === 0) this.#index = new Map()
    for (let i = from; i < this.#properties.length; i++) this.#index.set(this.#properties[i]!.key, i)
  }
}

function edit(
  text: string,
  path: (string | number)[],
  value: unknown,
  formatting: FormattingOptions,
  insertionIndex?: (keys: string[]) => number,
): string {
  return applyEdits(text, modify(text, path, value, { formattingOptions: formatting, getInsertionIndex: insertionIndex }))
}

/** The whitespace a property's line starts with, when the property starts its line. */
function linePrefix(lead: string): string | undefined {
  const newline = lead.lastIndexOf('\n')
  if (newline === -1) return undefined
  const prefix = lead.slice(newline + 1)
  return /^[ \t]*$/.test(prefix) ? prefix : undefined
}
