/** What `press export` and `press import` work on: one publication, one of its target languages. */
import type { Publication } from '../project/load.ts'
import { type ExportHeader, type ImportedDocument } from '../exchange/units.ts'
import { type TranslationFile } from '../i18n/translation-file.ts'
import { problem, PressError } from '../util/problems.ts'
import { findPublications } from '../project/paths.ts'

export function headerOf(publication: Publication, language: string, file: TranslationFile | undefined): ExportHeader {
  const meta = file ? { date: file.meta.date, producedBy: file.meta.producedBy } : {}
  return { publication: publication.config.id, sourceLanguage: publication.config.sourceLanguage, targetLanguage: language, ...meta }
}

export async function onePublication(root: string, only: string | undefined): Promise<Publication> {
  const publications = await findPublications(root, only)
  if (publications.length > 1) {
    throw new PressError(
      problem(`There are ${publications.length} publications: say which one.`, {
        file: 'content',
        hint: `Pass --publication ${publications.map((p) => p.config.id).join(' or --publication ')}.`,
      }),
    )
  }
  return publications[0]!
}

export function checkLanguage(
  publication: Publication,
  language: string,
  file: string | undefined,
  document: ImportedDocument | undefined,
): void {
  const { config, configPath } = publication
  const where = { file: file ?? configPath, place: document?.languagePlace }
  if (document?.sourceLanguage && document.sourceLanguage !== config.sourceLanguage) {
    throw new PressError(
      problem(`This file translates from "${document.sourceLanguage}", but ${config.id} is written in "${config.sourceLanguage}".`, {
        ...where,
        hint: 'Export from this publication again.',
        ruleId: 'wrong-language',
      }),
    )
  }
  if (language === '') {
    throw new PressError(
      problem('This file does not say which language it is in.', {
        ...where,
        hint: 'XLIFF: set trgLang (2.0) or target-language (1.2); PO: add a "Language:" header; or name it with --lang.',
        ruleId: 'wrong-language',
      }),
    )
  }
  if (!config.languages.includes(language)) {
    throw new PressError(
      problem(`"${language}" is not a translation language of ${config.id}.`, {
        ...where,
        hint: `Its languages are ${config.languages.join(', ')} (see ${configPath}).`,
        ruleId: 'wrong-language',
      }),
    )
  }
}

/** `press import --lang xx` of a file that says it is in another language: refused, never filed under the wrong language. */
export function checkRequestedLanguage(requested: string | undefined, document: ImportedDocument, file: string): void {
  const said = document.targetLanguage
  if (requested === undefined || said === undefined || said === requested) return
  throw new PressError(
    problem(`This file is in "${said}", but --lang asks for "${requested}".`, {
      file,
      place: document.languagePlace,
      hint:
        `Import it without --lang to update the "${said}" translation, ` +
        `or export "${requested}" (\`press export --lang ${requested}\`) and translate that file.`,
      ruleId: 'wrong-language',
    }),
  )
}
