/**
 * Plain i18next resources, for websites that reuse a publication's
 * translations: `{ "<paragraph ID>": "<translation>" }`, or nested under the
 * publication's namespace (`{ "<publication>": { … } }`) when asked.
 *
 * Texts are written verbatim (Markdown as in the translation file). i18next
 * has no way to escape its own syntax inside a resource, so a text containing
 * `{{…}}` or `$t(…)` must be read with `t(id, { skipInterpolation: true })`;
 * `templated` names those IDs so the exporter can say so. Missing
 * translations are left out, so i18next falls back to the source language.
 */
import { stringifyJson } from '../util/files.ts'
import type { ExportUnit } from './units.ts'

export interface I18nextResource {
  text: string
  /** Translated units written. */
  count: number
  /** IDs whose text contains i18next syntax (`{{`, `$t(`): read them with skipInterpolation. */
  templated: string[]
}

const i18nextSyntax = /\{\{|\$t\(/

export function writeI18next(units: readonly ExportUnit[], namespace: string | undefined): I18nextResource {
  const resource: Record<string, string> = {}
  const templated: string[] = []
  for (const unit of units) {
    if (unit.target.trim() === '') continue
    resource[unit.id] = unit.target
    if (i18nextSyntax.test(unit.target)) templated.push(unit.id)
  }
  return {
    text: stringifyJson(namespace === undefined ? resource : { [namespace]: resource }),
    count: Object.keys(resource).length,
    templated,
  }
}
