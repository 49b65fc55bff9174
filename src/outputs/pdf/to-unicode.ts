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
  const out = cmap.replace(/beginbf(char|range)([\s\S]*?)endbf\1/g, (_block, kind: string, body: string) => {
    const fixed =
      kind === 'char'
        ? body.replace(/(<[0-9A-Fa-f]+>\s*)<00[aA]0>/g, (_, src: string) => ((changed = true), `${src}<${SPACE}>`))
        : body.replace(
            /<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(<([0-9A-Fa-f]{4})>|\[[^\]]*\])/g,
            (entry, lo: string, hi: string, dst: string, start?: string) => {
              if (start === undefined) {
                if (!/<00[aA]0>/.test(dst)) return entry
                changed = true
                return `<${lo}> <${hi}> ${dst.replace(/<00[aA]0>/g, `<${SPACE}>`)}`
              }
              const first = parseInt(start, 16)
              const count = parseInt(hi, 16) - parseInt(lo, 16) + 1
              const at = parseInt(NBSP, 16) - first
              if (at < 0 || at >= count) return entry
              changed = true
              const codes = Array.from({ length: count }, (_, i) => (i === at ? SPACE : hex(first + i)))
              return `<${lo}> <${hi}> [${codes.map((c) => `<${c}>`).join(' ')}]`
            },
          )
    return `beginbf${kind}${fixed}endbf${kind}`
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
