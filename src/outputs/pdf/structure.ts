/**
 * Fixes of Chromium's structure tree and annotations, as qpdf JSON updates (no content stream is
 * rewritten, so the tags' marked content stays as Chromium wrote it):
 * - footnotes: print-html.ts makes each a complementary region, which Chromium tags /Aside; they
 *   become /Note (the reference inside the text stays a /Link to it);
 * - Link annotations to a web address get /Contents (their alternate description): the address.
 */
type Objects = Record<string, unknown>

const dict = (value: unknown): Record<string, unknown> | undefined =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined

export function structureUpdates(objects: Objects): Record<string, { value: Record<string, unknown> }> {
  const updates: Record<string, { value: Record<string, unknown> }> = {}
  for (const [key, object] of Object.entries(objects)) {
    const value = dict(dict(object)?.value)
    if (!value) continue
    if (value['/S'] === '/Aside' && value['/P'] !== undefined) updates[key] = { value: { ...value, '/S': '/Note' } }
    if (value['/Subtype'] === '/Link' && value['/Contents'] === undefined) {
      const action = dict(value['/A']) ?? dict(dict(objects[`obj:${String(value['/A'])}`])?.value)
      const uri = action?.['/URI']
      if (typeof uri === 'string') updates[key] = { value: { ...value, '/Contents': `u:${uri.replace(/^[ub]:/, '')}` } }
    }
  }
  return updates
}
