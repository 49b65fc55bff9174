/** The colophon: who translated, review status, what is not up to date, which build. */
import type { Element } from 'hast'
import { h } from 'hastscript'
import type { EditionModel } from '../edition/model.ts'
import { unified } from 'unified'
import { rehypeTypography } from '../edition/plugins/rehype-typography.ts'

export interface BuildIdentity {
  /** Fingerprint of every input of the build. */
  build: string
  /** Fingerprint of the sources and their ID lock. */
  revision: string
  date: Date
}

export function colophon(edition: EditionModel, sourceLanguage: string, identity: BuildIdentity): Element[] {
  const l = edition.localizer
  const lines: Element[] = []
  if (edition.isSource) {
    lines.push(h('p', l.t('sourceLanguageEdition')))
  } else {
    const meta = edition.translation?.data.meta
    const status = l.t(`reviewStatus_${meta?.review ?? 'unreviewed'}`)
    lines.push(
      h('p.translation-status', [
        l.t('translationStatus', { status }),
        ' ',
        l.t('workingTranslation', { source: edition.languageName(sourceLanguage) }),
      ]),
    )
    if (meta) lines.push(h('p', l.t('translatedBy', { producer: meta.producedBy })))
  }
  if (edition.counts.fallback > 0) lines.push(h('p.pp-warning', l.t('fallbackCount', { count: edition.counts.fallback })))
  if (edition.counts.stale > 0) lines.push(h('p.pp-warning', l.t('staleCount', { count: edition.counts.stale })))
  lines.push(h('p.build', l.t('buildIdentity', { build: identity.build, revision: identity.revision })))
  unified().use(rehypeTypography, { language: edition.language }).runSync({ type: 'root', children: lines })
  return lines
}
