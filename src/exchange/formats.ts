/** The exchange formats: writers, readers, and detection of an incoming file's format. */
import { problem, PressError } from '../util/problems.ts'
import { readJson, writeJson } from './json.ts'
import { readPo, writePo, type PoDocument } from './po.ts'
import type { ExchangeFormat, ExportHeader, ExportUnit, ImportedDocument } from './units.ts'
import { readXliff12, writeXliff12, XLIFF12_NS } from './xliff12.ts'
import { readXliff2, writeXliff2, XLIFF2_NS } from './xliff2.ts'

const writers: Record<ExchangeFormat, (header: ExportHeader, units: ExportUnit[]) => string> = {
  xliff2: writeXliff2,
  xliff12: writeXliff12,
  po: writePo,
  json: writeJson,
}

const readers: Record<ExchangeFormat, (text: string, path: string) => ImportedDocument | PoDocument> = {
  xliff2: readXliff2,
  xliff12: readXliff12,
  po: readPo,
  json: readJson,
}

export function writeExchange(format: ExchangeFormat, header: ExportHeader, units: ExportUnit[]): string {
  return writers[format](header, units)
}

export function readExchange(format: ExchangeFormat, text: string, path: string): ImportedDocument | PoDocument {
  return readers[format](text, path)
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
