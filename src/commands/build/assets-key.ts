/**
 * The shared assets' second cache key. The `<pub>/assets` unit's plan fingerprint reads every input of the
 * publication, because its record carries the titles and warnings of every edition (a build with every unit cached
 * replays them without parsing anything). But its files — the stylesheets, fonts.css and the font files — depend on
 * the translations only through the characters each edition shows, which pick the faces. So once the editions are
 * summarized, the unit is also looked up by this key: exactly what `writeAssets` reads (the characters of each
 * edition and of its interface strings, the font settings, screen.css and print.css, the fonts, the tool) and the
 * facts its record carries (titles, warnings). A French entry edited with no new character then restores the
 * assets from the cache instead of building them again; one that brings a character needing another face misses.
 */
import type { Publication } from '../../project/load.ts'
import { PublicationInputs } from '../../project/inputs.ts'
import { inputsFingerprint } from '../../project/build-info.ts'
import type { UiFile } from '../../i18n/ui-strings.ts'
import { charactersOf, type EditionSummary } from './summary.ts'
import { ASSET_STYLESHEETS } from '../../outputs/assets.ts'
import type { UnitFacts } from './restore.ts'

export async function assetsContentKey(
  publication: Publication,
  tool: string,
  summaries: readonly EditionSummary[],
  ui: ReadonlyMap<string, UiFile>,
  facts: Omit<UnitFacts, 'editions'>,
): Promise<string> {
  const inputs = new PublicationInputs(publication)
  const templates = await Promise.all(ASSET_STYLESHEETS.map(async (t) => `${t}:${await inputs.template(t)}`))
  const characters = summaries.map((s) => {
    const strings = ui.get(s.language)?.strings ?? {}
    return `${s.language}:${s.characters}\0${charactersOf(Object.values(strings))}`
  })
  return inputsFingerprint([
    `tool ${tool}`,
    `assets of ${publication.config.id} by content`,
    'config',
    publication.configPath,
    JSON.stringify(publication.config),
    'templates',
    ...templates,
    'fonts',
    ...(await inputs.fonts()),
    'characters',
    ...characters,
    'facts',
    JSON.stringify(facts),
  ])
}
