/**
 * Bytes in, checked once. Every reader turns a file's bytes into text here:
 * the size is within its limit, a UTF-8 byte order mark is dropped (editors on
 * Windows write one), and invalid UTF-8, NUL and the other C0 control
 * characters (all but tab, line feed and the CR of a CRLF) are errors at
 * their `path:line:column`.
 */
import { readFile } from 'node:fs/promises'
import { fileSizeLimits, formatBytes, inputKindNames, type InputKind } from './limits.ts'
import { lineIndex, problem, PressError } from './problems.ts'

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })

/** Read `absolute` and check it; fs errors (ENOENT …) pass through unchanged for the caller to word. */
export async function readText(absolute: string, file: string, kind: InputKind): Promise<string> {
  return decodeText(await readFile(absolute), file, kind)
}

/** Check and decode `bytes` read from `file` (shown in messages). */
export function decodeText(bytes: Uint8Array, file: string, kind: InputKind): string {
  const limit = fileSizeLimits[kind]
  if (bytes.length > limit) {
    throw new PressError(
      problem(`This ${inputKindNames[kind]} is ${formatBytes(bytes.length)}, more than the limit of ${formatBytes(limit)}.`, {
        file,
        hint: 'Split it into smaller files (see "Text files and limits" in README.md); the file was not changed.',
        ruleId: 'input-too-large',
      }),
    )
  }
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0
  const body = bytes.subarray(start)
  let text: string
  try {
    text = decoder.decode(body)
  } catch {
    const bad = firstInvalidByte(body)
    const before = decoder.decode(body.subarray(0, bad))
    throw new PressError(
      problem(`This ${inputKindNames[kind]} is not valid UTF-8 (byte 0x${hex(body[bad] ?? 0)} at byte offset ${bad + start}).`, {
        file,
        place: lineIndex(before).placeAt(before.length),
        hint: 'Save the file as UTF-8 in your editor (it may be Latin-1 or Windows-1252); the file was not changed.',
        ruleId: 'invalid-utf8',
      }),
    )
  }
  const control = findControlCharacter(text)
  if (control !== undefined) {
    throw new PressError(
      problem(`This ${inputKindNames[kind]} contains the control character ${describeCharacter(text, control)}.`, {
        file,
        place: lineIndex(text).placeAt(control),
        hint: controlHint,
        ruleId: 'control-character',
      }),
    )
  }
  return text
}

export const controlHint =
  'Remove it: only tab and line breaks (LF or CRLF) may appear in text files; ' +
  'a NUL or other control byte usually means a broken copy or a binary file.'

const controlPattern = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]|\r(?!\n)/

/** Offset of the first forbidden C0 control character in `text`, if any. */
export function findControlCharacter(text: string): number | undefined {
  const match = controlPattern.exec(text)
  return match ? match.index : undefined
}

/** Offset of the first forbidden control character or lone surrogate in a decoded string value. */
export function findBadCharacter(text: string): number | undefined {
  const control =
    /[\u0000-\u0008\u000b\u000c\u000e-\u001f]|\r(?!\n)|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.exec(text)
  return control ? control.index : undefined
}

/** `U+0000 (NUL)`-style name of the character at `offset`. */
export function describeCharacter(text: string, offset: number): string {
  const code = text.charCodeAt(offset)
  const name =
    code >= 0xd800 && code <= 0xdfff
      ? 'a lone surrogate'
      : (c0Names[code] ?? (code === 0x0d ? 'CARRIAGE RETURN without a line feed' : 'control'))
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')} (${name})`
}

const c0Names: Record<number, string> = {
  0: 'NUL',
  0x07: 'BEL',
  0x08: 'BACKSPACE',
  0x0b: 'VERTICAL TAB',
  0x0c: 'FORM FEED',
  0x1b: 'ESCAPE',
}

function hex(byte: number): string {
  return byte.toString(16).toUpperCase().padStart(2, '0')
}

/** Offset of the first byte that does not start or continue a valid UTF-8 sequence. */
function firstInvalidByte(bytes: Uint8Array): number {
  let i = 0
  while (i < bytes.length) {
    const b = bytes[i]!
    if (b < 0x80) {
      i++
      continue
    }
    let need: number
    let min: number
    if (b >= 0xc2 && b <= 0xdf) ((need = 1), (min = 0x80))
    else if (b >= 0xe0 && b <= 0xef) ((need = 2), (min = 0x800))
    else if (b >= 0xf0 && b <= 0xf4) ((need = 3), (min = 0x10000))
    else return i
    let code = b & (0x3f >> need)
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k]
      if (c === undefined || (c & 0xc0) !== 0x80) return i
      code = (code << 6) | (c & 0x3f)
    }
    if (code < min || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return i
    i += need + 1
  }
  return bytes.length
}
