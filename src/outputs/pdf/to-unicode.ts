/**
 * Copy gives ordinary spaces: the fixed lines of line-breaks.js keep each line whole with no-break spaces, which
 * Chromium draws with the font's no-break space glyph and maps to U+00A0 in the font's ToUnicode CMap (mutool and a
 * reader's copy or search see U+00A0; pdftotext turns it into a space itself). Each ToUnicode entry that gives U+00A0
 * gives U+0020 instead: a no-break space is a layout instruction the printed page has already carried out.
 */
const NBSP = '00A0'
const SPACE = '0020'

/** The CMap with every U+00A0 destination made U+0020; undefined when it has none. */
export function plainSpaces(cmap: string): string | undefined {
  let changed = false
  const hex = (n: number): string => n.toString(16).toUpperCase().padStart(4, '0')
  const nbsp = (token: string): boolean => token.toUpperCase() === `<${NBSP}>`
  const out = cmap.replace(/beginbf(char|range)([\s\S]*?)endbf\1/g, (_block, kind: string, body: string) => {
    // The entries in order: codes `<…>` and arrays `[…]`; a bfchar entry is a source and a destination, a bfrange entry
    // a first and last source and a destination (the first of a run, or an array of one per code).
    const tokens = body.match(/<[0-9A-Fa-f]*>|\[[^\]]*\]/g) ?? []
    const size = kind === 'char' ? 2 : 3
    if (tokens.length % size !== 0) return _block
    const entries: string[] = []
    for (let i = 0; i < tokens.length; i += size) {
      const entry = tokens.slice(i, i + size)
      const dst = entry[size - 1]!
      if (kind === 'char' && nbsp(dst)) ((changed = true), (entry[1] = `<${SPACE}>`))
      else if (kind === 'range' && dst.startsWith('[') && /<00[aA]0>/.test(dst))
        ((changed = true), (entry[2] = dst.replace(/<00[aA]0>/g, `<${SPACE}>`)))
      else if (kind === 'range' && /^<[0-9A-Fa-f]{4}>$/.test(dst)) {
        const first = parseInt(dst.slice(1, -1), 16)
        const count = parseInt(entry[1]!.slice(1, -1), 16) - parseInt(entry[0]!.slice(1, -1), 16) + 1
        const at = parseInt(NBSP, 16) - first
        if (at >= 0 && at < count) {
          changed = true
          entry[2] = `[${Array.from({ length: count }, (_, k) => `<${k === at ? SPACE : hex(first + k)}>`).join(' ')}]`
        }
      }
      entries.push(entry.join(' '))
    }
    return `beginbf${kind}\n${entries.join('\n')}\nendbf${kind}`
  })
  return changed ? out : undefined
}

type Dict = Record<string, unknown>

/** The ToUnicode streams of the fonts (Type0 and simple fonts alike) among qpdf JSON objects. */
export function toUnicodeRefs(objects: Record<string, unknown>): string[] {
  const refs = new Set<string>()
  for (const object of Object.values(objects)) {
    const value = (object as { value?: unknown } | undefined)?.value as Dict | undefined
    if (value && typeof value === 'object' && value['/Type'] === '/Font' && typeof value['/ToUnicode'] === 'string')
      refs.add(value['/ToUnicode'])
  }
  return [...refs].sort()
}
