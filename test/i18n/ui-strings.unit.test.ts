import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, it } from 'node:test'
import { createLocalizer } from '../../src/i18n/instance.ts'
import { languages, repoRoot } from '../helpers/project.ts'

const suffixes = ['zero', 'one', 'two', 'few', 'many', 'other']
const strings = (lang: string): Record<string, string> =>
  JSON.parse(readFileSync(join(repoRoot, 'translations', lang, 'ui.json'), 'utf8')).strings
const family = (key: string): { base: string; form?: string } => {
  const at = key.lastIndexOf('_')
  const form = key.slice(at + 1)
  return at > 0 && suffixes.includes(form) ? { base: key.slice(0, at), form } : { base: key }
}
const placeholders = (text: string): string[] => [...text.matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1]!).sort()
const ui = Object.fromEntries(languages.map((lang) => [lang, strings(lang)]))

describe('interface strings', () => {
  const english = strings('en')
  const plurals = new Set(
    Object.keys(english)
      .filter((k) => family(k).form)
      .map((k) => family(k).base),
  )

  it("should have every key in every language, with exactly the language's CLDR plural forms", () => {
    for (const lang of languages) {
      const own = strings(lang)
      const categories = new Intl.PluralRules(lang).resolvedOptions().pluralCategories.sort()
      for (const key of Object.keys(english).filter((k) => !family(k).form)) assert.ok(key in own, `${lang}: ${key}`)
      for (const base of plurals) {
        const forms = Object.keys(own)
          .filter((k) => family(k).base === base && family(k).form)
          .map((k) => family(k).form!)
          .sort()
        assert.deepEqual(forms, categories, `${lang}: ${base}`)
      }
      const known = new Set([...Object.keys(english).map((k) => family(k).base)])
      for (const key of Object.keys(own)) assert.ok(known.has(family(key).base), `${lang}: unexpected key ${key}`)
    }
  })

  it('should keep the placeholders of the English strings', () => {
    for (const lang of languages) {
      const own = strings(lang)
      for (const [key, value] of Object.entries(own)) {
        const base = family(key).base
        const reference = english[key] ?? english[`${base}_other`]!
        // A singular form may spell out the number ("une page") instead of {{count}}.
        const expected = placeholders(reference).filter((p) => !(p === 'count' && family(key).form && family(key).form !== 'other'))
        for (const p of expected) assert.ok(placeholders(value).includes(p), `${lang}: ${key} lacks {{${p}}}`)
        for (const p of placeholders(value)) assert.ok(placeholders(reference).includes(p), `${lang}: ${key} has unknown {{${p}}}`)
      }
    }
  })

  it('should pick Arabic plural forms by count through i18next', () => {
    const l = createLocalizer({ language: 'ar', sourceLanguage: 'en', namespace: 'pub', ui, content: {} })
    const forms = [0, 1, 2, 3, 11, 100].map((count) => l.t('pages', { count }))
    assert.equal(new Set(forms).size, 6, forms.join(' | '))
    const ru = createLocalizer({ language: 'ru', sourceLanguage: 'en', namespace: 'pub', ui, content: {} })
    assert.deepEqual(
      [1, 2, 5].map((count) => ru.t('pages', { count })),
      ['1 страница', '2 страницы', '5 страниц'],
    )
  })

  it('should resolve content verbatim, falling back to the source language', () => {
    const l = createLocalizer({
      language: 'fr',
      sourceLanguage: 'en',
      namespace: 'pub',
      ui,
      content: { en: { a: 'Source A', b: 'Source {{title}} $t(contents)' }, fr: { b: 'Texte {{title}} $t(contents)' } },
    })
    assert.deepEqual(l.content('a'), { text: 'Source A', language: 'en' })
    assert.deepEqual(l.content('b'), { text: 'Texte {{title}} $t(contents)', language: 'fr' })
    assert.equal(l.content('zzz'), undefined)
  })
})
