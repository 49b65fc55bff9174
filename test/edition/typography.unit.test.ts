import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { Root } from 'hast'
import { h } from 'hastscript'
import { typeset } from '../../src/edition/typography/typeset.ts'
import { typesetTree } from '../../src/edition/plugins/rehype-typography.ts'
import { toHtml } from 'hast-util-to-html'
import { hyphenateText, hyphenateTree, hyphenationRule, justificationCss } from '../../src/outputs/hyphenation.ts'

const NNBSP = '\u202F'
const NBSP = '\u00A0'
/** What the print-quality test counts: straight quotes and apostrophes. */
const straight = (text: string): number => text.match(/["']/g)?.length ?? 0

describe('typography per language', () => {
  it('should give English curly quotes, apostrophes, em dashes and a no-break space before a scale word', () => {
    const input =
      `All the stakeholders- governments, and users -should share "Meaningful Connectivity", ` + `people's lives and 2.5 million users.`
    const out = typeset(input, 'en')
    assert.ok(straight(input) > 0, 'the check fails on the old text')
    assert.equal(straight(out), 0)
    assert.equal(
      out,
      `All the stakeholders—governments, and users—should share “Meaningful Connectivity”, people’s lives and 2.5${NBSP}million users.`,
    )
  })

  it('should give French « » and narrow no-break spaces before ; : ! ? % (replacing full ones)', () => {
    const input = `L'économie numérique${NBSP}: "un moteur de croissance"${NBSP}! Le taux atteint 58,4 % ; est-ce assez ?`
    const out = typeset(input, 'fr')
    assert.equal(
      out,
      `L’économie numérique${NNBSP}: «${NNBSP}un moteur de croissance${NNBSP}»${NNBSP}! ` +
        `Le taux atteint 58,4${NNBSP}%${NNBSP}; est-ce assez${NNBSP}?`,
    )
    assert.equal(straight(out), 0)
    assert.ok(!out.includes(`${NBSP}:`) && !out.includes(' ?'), 'no full or breaking space before : ?')
  })

  it('should keep a Russian number with its scale word and give « » and a spaced em dash', () => {
    const out = typeset(`Число пользователей сетей 4G достигло 3,74 млрд - это "рекорд".`, 'ru')
    assert.equal(out, `Число пользователей сетей 4G достигло 3,74${NBSP}млрд${NBSP}— это «рекорд».`)
  })

  it('should give Spanish « » and a no-break space before %', () => {
    assert.equal(
      typeset(`La tasa mundial fue del 58,4 % y la "brecha digital" persiste.`, 'es'),
      `La tasa mundial fue del 58,4${NBSP}% y la «brecha digital» persiste.`,
    )
  })

  it('should give German „ “', () => {
    assert.equal(typeset(`Das Internet ist "ein Motor" des Wandels.`, 'de'), 'Das Internet ist „ein Motor“ des Wandels.')
  })

  it('should set Chinese punctuation full width with no space after it', () => {
    const out = typeset('世界互联网大会高级别咨询委员会, 2019年10月. 本译文为工作译本。 如有疑义, 以英文原文为准.', 'zh')
    assert.equal(out, '世界互联网大会高级别咨询委员会，2019年10月。本译文为工作译本。如有疑义，以英文原文为准。')
    assert.doesNotMatch(out, /[,.]|。 /)
    assert.equal(typeset('乌镇展望2019 — 世界互联网大会', 'zh'), '乌镇展望2019——世界互联网大会')
  })

  it('should use Arabic punctuation after Arabic words', () => {
    assert.equal(typeset('أولاً - يتسارع التحول الرقمي, فهل نحن مستعدون?', 'ar'), `أولاً${NBSP}– يتسارع التحول الرقمي، فهل نحن مستعدون؟`)
  })

  it('should leave code, URLs and attributes untouched', () => {
    const tree: Root = {
      type: 'root',
      children: [
        h('p', { title: `"it's"` }, [
          `Run "press build" at https://example.org/it's-here or `,
          h('code', `echo "it's" - done`),
          ' now.',
          h('a', { href: 'https://example.org/a-b' }, 'https://example.org/a-b'),
        ]),
      ],
    }
    typesetTree(tree, 'en')
    const p = tree.children[0] as ReturnType<typeof h>
    assert.equal(p.properties.title, `"it's"`)
    assert.deepEqual(
      p.children.map((c) => (c.type === 'text' ? c.value : c.type === 'element' ? (c.children[0] as { value: string }).value : '')),
      [`Run “press build” at https://example.org/it's-here or `, `echo "it's" - done`, ' now.', 'https://example.org/a-b'],
    )
  })

  it('should typeset a quotation across inline markup and a fallback block in its own language', () => {
    const tree: Root = {
      type: 'root',
      children: [h('p', ['Le "', h('em', 'cyberespace'), '" s’étend.']), h('p', { lang: 'en' }, 'A "quote".')],
    }
    typesetTree(tree, 'fr')
    const [fr, en] = tree.children as ReturnType<typeof h>[]
    assert.equal((fr!.children[0] as { value: string }).value, `Le «${NNBSP}`)
    assert.equal((fr!.children[2] as { value: string }).value, `${NNBSP}» s’étend.`)
    assert.equal((en!.children[0] as { value: string }).value, 'A “quote”.')
  })
})

describe('hyphenation', () => {
  it('should hyphenate long words with soft hyphens, never URLs, numbers or capitals', () => {
    const rule = hyphenationRule('en')!
    const out = hyphenateText('International organizations at https://example.org/organizations report 2019-2020 UNESCO figures.', rule)
    assert.ok(out.includes('or\u00ADga\u00ADni\u00ADza\u00ADtions') || /or.*\u00AD.*tions/.test(out.split(' ')[1]!))
    assert.ok(out.includes('https://example.org/organizations'))
    assert.ok(out.includes('UNESCO') && out.includes('2019-2020'))
    assert.equal(
      out.replace(/\u00AD/g, ''),
      'International organizations at https://example.org/organizations report 2019-2020 UNESCO figures.',
    )
    for (const part of out.split(/[\s\u00AD]/)) if (/^\p{L}+$/u.test(part)) assert.ok(part.length >= 2)
  })

  it('should keep the language’s minimum letters before and after a break', () => {
    const ru = hyphenationRule('ru')!
    for (const word of hyphenateText('Интеллектуальная взаимосвязанность киберпространства', ru).split(' ')) {
      const parts = word.split('\u00AD')
      assert.ok(parts.length > 1, word)
      assert.ok(parts[0]!.length >= ru.left && parts.at(-1)!.length >= ru.right, word)
    }
    assert.deepEqual([hyphenationRule('en')!.left, hyphenationRule('en')!.right, hyphenationRule('fr')!.right], [2, 3, 3])
  })

  it('should bind the last two characters of a Chinese paragraph, before its note reference, text unchanged', () => {
    const p = h('p', ['数字经济持续增长', h('sup', [h('a', '1')]), '，惠及全球。'])
    hyphenateTree(h('div', { lang: 'zh' }, [p]), 'zh')
    assert.equal(toHtml(p), '<p>数字经济持续增长<sup><a>1</a></sup>，惠及<span class="pp-nowrap">全球。</span></p>')
    const en = h('p', ['A short line.'])
    hyphenateTree(en, 'en')
    assert.equal(toHtml(en), '<p>A short line.</p>')
  })

  it('should have patterns for en, fr, es, ru and none for zh and ar (ragged Arabic, justified Chinese)', () => {
    for (const language of ['en', 'fr', 'es', 'ru', 'de']) assert.ok(hyphenationRule(language), language)
    for (const language of ['zh', 'ar', 'ja']) assert.equal(hyphenationRule(language), undefined, language)
    const css = justificationCss(['ar', 'zh', 'en'])
    assert.match(css, /:lang\(ar\) p[^{]*\{ text-align: start/)
    assert.doesNotMatch(css, /:lang\(zh\)/)
    assert.match(css, /:lang\(en\) p \{ text-wrap: wrap; \}/)
  })
})
