/** The project's folders and the paths of its translation files: plain strings, so importing them loads nothing else. */
import { join } from 'node:path'

export const CONTENT_DIR = 'content'
export const TRANSLATIONS_DIR = 'translations'
/** A publication's config file, in its folder content/<id>/. */
export const CONFIG_FILE = 'publication.yaml'

export function translationPath(language: string, publication: string): string {
  return join(TRANSLATIONS_DIR, language, `${publication}.json`)
}

export function uiPath(language: string): string {
  return join(TRANSLATIONS_DIR, language, 'ui.json')
}
