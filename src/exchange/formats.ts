/** The exchange formats: writers, readers, and detection of an incoming file's format. */
import { problem, PressError } from '../util/problems.ts'
import { XLIFF12_NS, XLIFF2_NS } from './namespaces.ts'
import type { PoDocument } from './po.ts'
import { hasNoCodes, loadParser } from './parser.ts'
import type { ExchangeFormat, ExportHeader, ExportUnit, ImportedDocument } from './units.ts'

export interface FormatCodec {
  write(header: ExportHeader, units: ExportUnit[]): string
  read(text: string, path: string): ImportedDocument | PoDocument
}

// Each format's module is loaded when that format is used: XLIFF loads an XML parser, PO gettext-parser.
const codecs: Record<ExchangeFormat, () => Promise<FormatCodec>> = {
  xliff2: () => import('./xliff2.ts').then((m) => ({ write: m.writeXliff2, read: m.readXliff2 })),
  xliff12: () => import('./xliff12.ts').then((m) => ({ write: m.writeXliff12, read: m.readXliff12 })),
  po: () => import('./po.ts').then((m) => ({ write: m.writePo, read: m.readPo })),
  json: () => import('./json.ts').then((m) => ({ write: m.writeJson, read: m.readJson })),
}

/** The writer and reader of `format` (with the Markdown parser they cut texts with, src/exchange/parser.ts). */
export async function exchangeCodec(format: ExchangeFormat): Promise<FormatCodec> {
  await loadParser()
  return codecs[format]()
}

/** `units` in `format`: the Markdown parser is loaded only when a text may hold inline codes. */
export async function writeExchange(format: ExchangeFormat, header: ExportHeader, units: ExportUnit[]): Promise<string> {
  if (units.some((unit) => unit.kind !== 'code' && !(hasNoCodes(unit.source) && hasNoCodes(unit.target)))) await loadParser()
  return (await codecs[format]()).write(header, units)
}

export async function readExchange(format: ExchangeFormat, text: string, path: string): Promise<ImportedDocument | PoDocument> {
  return (await exchangeCodec(format)).read(text, path)
}

/** The format of `text` by its content: JSON, XLIFF 2, XLIFF 1.2 or PO. */
export function detectFormat(text: string, path: string): ExchangeFormat {
  const start = text.replace(/^\uFEFF/, '').trimStart()
  if (start.startsWith('{')) return 'json'
  if (start.startsWith('<')) {
    if (text.includes(XLIFF2_NS) || /<xliff[^>]*\sversion=["']2\./.test(text)) return 'xliff2'
    if (text.includes(XLIFF12_NS) || /<xliff[^>]*\sversion=["']1\./.test(text)) return 'xliff12'
    if (!/<xliff[\s>]/.test(text)) {
      throw new PressError(
        problem('This XML file is not XLIFF.', {
          file: path,
          place: { line: 1, column: 1 },
          hint: 'press import reads XLIFF 2, XLIFF 1.2, PO and its JSON exchange format.',
          ruleId: 'unknown-format',
        }),
      )
    }
    return 'xliff2'
  }
  if (/^msgid "/m.test(start)) return 'po'
  throw new PressError(
    problem('Cannot tell the format of this file.', {
      file: path,
      place: { line: 1, column: 1 },
      hint: 'press import reads XLIFF 2 (.xlf), XLIFF 1.2 (.xliff), PO (.po) and JSON exchange files.',
      ruleId: 'unknown-format',
    }),
  )
}
