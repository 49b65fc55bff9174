/**
 * Fixes of Chromium's structure tree and annotations, as qpdf JSON updates (no content stream is
 * rewritten, so the tags' marked content stays as Chromium wrote it):
 * - footnotes: print-html.ts makes each a complementary region, which Chromium tags /Aside; they
 *   become /Note (the reference inside the text stays a /Link to it);
 * - Link annotations get /Contents (their alternate description): a web address, or what a link inside
 *   the document leads to (the target's label or text, from the page: render.ts).
 */
type Objects = Record<string, unknown>

const dict = (value: unknown): Record<string, unknown> | undefined =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined

export function structureUpdates(objects: Objects, links: Record<string, string> = {}): Record<string, { value: Record<string, unknown> }> {
  const updates: Record<string, { value: Record<string, unknown> }> = {}
  for (const [key, object] of Object.entries(objects)) {
    const value = dict(dict(object)?.value)
    if (!value) continue
    if (value['/S'] === '/Aside' && value['/P'] !== undefined) updates[key] = { value: { ...value, '/S': '/Note' } }
    if (value['/Subtype'] === '/Link' && value['/Contents'] === undefined) {
      const action = dict(value['/A']) ?? dict(dict(objects[`obj:${String(value['/A'])}`])?.value)
      const uri = action?.['/URI']
      if (typeof uri === 'string') updates[key] = { value: { ...value, '/Contents': `u:${uri.replace(/^[ub]:/, '')}` } }
      const dest = typeof value['/Dest'] === 'string' ? destName(value['/Dest']) : undefined
      const text = dest === undefined ? undefined : links[dest]
      if (text) updates[key] = { value: { ...value, '/Contents': `u:${text}` } }
    }
  }
  return updates
}

/** A named destination as qpdf writes it (`/name`, `#xx` escapes; or a string `u:name`). */
function destName(dest: string): string {
  if (/^[ub]:/.test(dest)) return dest.slice(2)
  return dest.replace(/^\//, '').replace(/#([0-9a-fA-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
}
