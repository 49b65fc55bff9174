/** Review comments on a temp project's fr translation, for the exchange tests. */
import assert from 'node:assert/strict'
import { applyDecision, entryFingerprint, type ReviewAction } from '../../src/i18n/decisions.ts'
import { loadPublication } from '../../src/project/load.ts'
import { PUB, translationFile } from './helpers.ts'

/** Comments on three fr entries: c1 with a reply and c2 resolved on one; a needs-work comment on a reviewed one; a multi-line one. */
export async function addComments(root: string): Promise<string[]> {
  const publication = await loadPublication(root, `content/${PUB}`)
  const ids = Object.keys(translationFile(root, 'fr').data.entries)
  const decide = async (id: string, action: ReviewAction, reviewer = 'Ana'): Promise<void> => {
    const expected = entryFingerprint(translationFile(root, 'fr').data.entries[id])
    const result = await applyDecision({ publication, language: 'fr', id, expected, action, reviewer, date: '2019-10-20T08:30:00Z' })
    assert.ok(result.ok)
  }
  await decide(ids[0]!, { kind: 'comment', text: 'Vérifier « cyberespace » & <la> date.' })
  await decide(ids[0]!, { kind: 'comment', text: 'C’est vérifié.', replyTo: 'c1' }, 'Li Wei')
  await decide(ids[0]!, { kind: 'comment', text: 'La ponctuation aussi.' })
  await decide(ids[0]!, { kind: 'resolve', commentId: 'c2' })
  await decide(ids[1]!, { kind: 'state', state: 'reviewed' })
  await decide(ids[1]!, { kind: 'state', state: 'needs-work', comment: 'Le chiffre ne correspond pas.' })
  await decide(ids[2]!, { kind: 'comment', text: 'Première ligne.\nDeuxième ligne.' })
  return ids
}
