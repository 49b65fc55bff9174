/**
 * Per-block tools: a permalink (visible on hover and focus) and links to the
 * same paragraph ID in every other language edition, on every block element
 * (`data.blockId`).
 */
import type { Element, ElementContent } from 'hast'
import { h } from 'hastscript'
import { visit } from 'unist-util-visit'
import type { Localizer } from '../../i18n/instance.ts'

export interface Alternate {
  language: string
  /** The edition's file relative to this one, without fragment. */
  href: string
  /** Short label (the language code) and full name in that language. */
  label: string
  name: string
}

export function addBlockTools(sections: Element[], localizer: Localizer, alternates: Alternate[]): void {
  for (const section of sections) {
    visit(section, 'element', (node: Element) => {
      const id = node.data?.blockId
      if (id === undefined) return
      node.children.push(tools(id, localizer, alternates))
      return 'skip'
    })
  }
}

function tools(id: string, localizer: Localizer, alternates: Alternate[]): ElementContent {
  return h('span.pp-tools', { lang: localizer.language }, [
    h('a.pp-permalink', { href: `#${id}`, ariaLabel: localizer.t('permalink'), title: localizer.t('permalink') }, '¶'),
    ...alternates.map((alternate) =>
      h(
        'a.pp-alt',
        {
          href: `${alternate.href}#${id}`,
          hrefLang: alternate.language,
          lang: alternate.language,
          title: alternate.name,
          ariaLabel: localizer.t('paragraphIn', { language: alternate.name }),
        },
        alternate.label,
      ),
    ),
  ])
}
