/**
 * The JSON exchange format: the units as plain data, for scripts and
 * machine translation services. Markdown kept as is.
 */
import * as z from 'zod'
import { entryStates } from '../i18n/translation-file.ts'
import { stringifyJson } from '../util/files.ts'
import { parseJsonFile } from '../util/json.ts'
import { contextNote, type ExportHeader, type ExportUnit, type ImportedDocument } from './units.ts'

export const JSON_FORMAT = 'polyglot-press-exchange'

const unitSchema = z.object({
  id: z.string().min(1),
  state: z.enum(entryStates),
  stale: z.boolean().default(false),
  source: z.string(),
  target: z.string(),
  previousSource: z.string().optional(),
  base: z.string().optional(),
  context: z.string().optional(),
  location: z.string().optional(),
})

const documentSchema = z.object({
  format: z.literal(JSON_FORMAT),
  version: z.literal(1),
  publication: z.string(),
  sourceLanguage: z.string(),
  targetLanguage: z.string(),
  units: z.array(unitSchema),
})

export function writeJson(header: ExportHeader, units: ExportUnit[]): string {
  return stringifyJson({
    format: JSON_FORMAT,
    version: 1,
    ...header,
    units: units.map((unit) => ({
      id: unit.id,
      state: unit.state,
      stale: unit.stale,
      source: unit.source,
      target: unit.target,
      ...(unit.previousSource !== undefined ? { previousSource: unit.previousSource } : {}),
      base: unit.base,
      context: contextNote(unit),
      location: unit.location,
    })),
  })
}

export function readJson(text: string, path: string): ImportedDocument {
  const parsed = parseJsonFile(text, path, documentSchema, 'exchange file')
  const document = parsed.value
  return {
    format: 'json',
    publication: document.publication,
    sourceLanguage: document.sourceLanguage,
    targetLanguage: document.targetLanguage,
    ...(parsed.placeOf(['targetLanguage']) ? { languagePlace: parsed.placeOf(['targetLanguage'])! } : {}),
    units: document.units.map((unit, index) => ({
      id: unit.id,
      source: unit.source,
      target: unit.target,
      state: unit.target.trim() === '' ? 'initial' : unit.state,
      stale: unit.stale,
      ...(unit.base !== undefined ? { base: unit.base } : {}),
      ...(parsed.placeOf(['units', index]) ? { place: parsed.placeOf(['units', index])! } : {}),
    })),
  }
}
