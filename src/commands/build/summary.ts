/**
 * What the rest of a build needs of a language edition it does not render:
 * its title, direction and name for itself (the HTML editions link to it), its
 * messages (reported, and listed in the shared assets' warnings), the
 * missing-translation problems `--strict` fails on, and the characters it shows
 * (the shared assets pick the fonts from them). Kept in
 * .press-cache/editions/<key>.json, the key a fingerprint of exactly what the
 * edition reads (src/commands/build/units.ts, `editionKeys`), so a rebuild
 * after one French entry changed localizes French (and the languages it pairs
 * with) only.
 */
import { join } from 'node:path'
import type { VFileMessage } from 'vfile-message'
import { CACHE_DIR, readStored } from '../../project/cache.ts'
import { writeFileAtomic } from '../../util/files.ts'
import { problem } from '../../util/problems.ts'
import type { EditionModel } from '../../edition/model.ts'
import type { PublicationTranslations } from '../../i18n/load.ts'
import { editionTexts } from '../../outputs/font-coverage.ts'
import type { EditionLanguage } from '../../outputs/output.ts'
import { warning, type Warning } from './restore.ts'

const FORMAT = 'press edition summary 1'

export interface EditionSummary extends EditionLanguage {
  title: string
  /** The edition's messages, in order (`fatal` as found). */
  messages: (Warning & { fatal: boolean })[]
  /** What `--strict` reports: one problem per block shown in the source language. */
  missing: Warning[]
  /** Every character the edition shows, once each, in code point order. */
  characters: string
}

export function summarize(edition: EditionModel, translations: PublicationTranslations, configPath: string): EditionSummary {
  return {
    language: edition.language,
    dir: edition.dir,
    name: edition.localizer.t('languageName'),
    title: edition.meta.title,
    messages: edition.messages.map((m) => ({ ...warning(m, edition.language), fatal: m.fatal === true })),
    missing: missingTranslations(edition, translations).map((m) => warning(m)),
    characters: charactersOf(editionTexts(edition, configPath).map((t) => t.text)),
  }
}

/** Every character of `texts` once, in code point order. */
export function charactersOf(texts: Iterable<string>): string {
  const points = new Set<number>()
  for (const text of texts) for (const char of text) points.add(char.codePointAt(0)!)
  return String.fromCodePoint(...[...points].sort((a, b) => a - b))
}

/** The edition's messages again, as the build reports them. */
export function summaryMessages(summary: EditionSummary): VFileMessage[] {
  return summary.messages.map((m) => revived(m, m.fatal))
}

/** A message of a summary as a problem (`fatal` as given). */
export function revived(w: Warning, fatal: boolean): VFileMessage {
  return problem(w.reason, {
    file: w.file,
    place: w.line ? { line: w.line, column: w.column ?? 1 } : undefined,
    hint: w.note,
    ruleId: w.ruleId,
    fatal,
  })
}

/** The blocks of an edition shown in the source language, as `--strict` reports them. */
export function missingTranslations(edition: EditionModel, translations: PublicationTranslations): VFileMessage[] {
  return edition.blocks
    .filter((b) => b.status === 'fallback')
    .map((b) =>
      problem(`${b.id} has no ${edition.language} translation (--strict).`, {
        file: translations.files.get(edition.language)?.path ?? b.block.file,
        place: translations.files.get(edition.language)?.positions.keyPlaceOf(['entries', b.id]) ?? {
          line: b.block.line,
          column: b.block.column,
        },
        hint:
          `Translate it in the ${edition.language} translation file (run \`press sync\` to add missing entries), ` +
          'or build without --strict to fall back to the source.',
        ruleId: 'missing-translation',
      }),
    )
}

/** The summaries kept under `root`'s cache, by key. */
export class SummaryCache {
  readonly #dir: string

  constructor(root: string) {
    this.#dir = join(root, CACHE_DIR, 'editions')
  }

  async get(key: string): Promise<EditionSummary | undefined> {
    const stored = await readStored<{ format: string; key: string; summary: EditionSummary }>(join(this.#dir, `${key}.json`))
    return stored?.format === FORMAT && stored.key === key ? stored.summary : undefined
  }

  async put(key: string, summary: EditionSummary): Promise<void> {
    // A cache that cannot be written (a read-only checkout) only means localizing again next time.
    await writeFileAtomic(join(this.#dir, `${key}.json`), JSON.stringify({ format: FORMAT, key, summary }) + '\n').catch(() => undefined)
  }
}
