import { createHash } from 'node:crypto'

/** Whitespace-insensitive form of a block's Markdown: what its fingerprint is taken of. */
export function normalizeText(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}

/** Fingerprint of a block's text: 16 hex digits of SHA-256 over the normalised text. */
export function fingerprint(text: string): string {
  return createHash('sha256').update(normalizeText(text)).digest('hex').slice(0, 16)
}
