/**
 * The URL policy, one for every output.
 *
 * Links may be `http:`, `https:`, `mailto:`, relative paths and `#fragments`.
 * Images may be relative local files only (no scheme, no host, no absolute
 * path): builds are offline, and no edition may make a reader's device fetch
 * anything when it opens. Everything else (`javascript:`, `vbscript:`,
 * `data:`, `file:`, any unknown scheme) is refused.
 *
 * The scheme is read the way a browser would: after decoding HTML entities
 * and percent escapes, in any letter case, with whitespace, control and
 * invisible characters removed (browsers skip tab and newline inside a
 * scheme). Pure functions, no disk.
 */

export const allowedLinkSchemes = ['http', 'https', 'mailto'] as const

export type UrlVerdict =
  | { allowed: true }
  | {
      allowed: false
      /** `scheme`: a scheme outside the allowlist; `remote`: an image on another host; `absolute`: an image path from the root. */
      kind: 'scheme' | 'remote' | 'absolute' | 'empty'
      /** What is wrong, for a message (ends without a full stop). */
      reason: string
      /** What to do instead. */
      hint: string
    }

const allowed: UrlVerdict = { allowed: true }

/** May `url` be the target of a link? */
export function checkLinkUrl(url: string): UrlVerdict {
  const scheme = schemeOf(url)
  if (scheme === undefined || (allowedLinkSchemes as readonly string[]).includes(scheme)) return allowed
  return {
    allowed: false,
    kind: 'scheme',
    reason: `Link to a "${scheme}:" URL is not allowed`,
    hint: 'Links may be http:, https:, mailto:, a relative path or a #fragment; write the address as plain text if it must appear.',
  }
}

/** May `url` be the source of an image? */
export function checkImageUrl(url: string): UrlVerdict {
  const bare = comparable(url)
  const scheme = schemeOf(url)
  if (scheme === 'http' || scheme === 'https' || /^[/\\]{2}/.test(bare)) {
    return {
      allowed: false,
      kind: 'remote',
      reason: 'Remote image is not allowed',
      hint:
        "Put the image file into the publication's folder and refer to it by a relative path (e.g. images/figure.png): " +
        'builds are offline, and no edition may fetch anything when a reader opens it.',
    }
  }
  if (scheme !== undefined) {
    return {
      allowed: false,
      kind: 'scheme',
      reason: `Image from a "${scheme}:" URL is not allowed`,
      hint: "Images must be files in the publication's folder, referred to by a relative path (e.g. images/figure.png).",
    }
  }
  if (bare === '') {
    return { allowed: false, kind: 'empty', reason: 'Image without a file', hint: 'Give the relative path of an image file.' }
  }
  if (/^[/\\]/.test(bare)) {
    return {
      allowed: false,
      kind: 'absolute',
      reason: 'Image with an absolute path is not allowed',
      hint: "Refer to the image by a path relative to the Markdown file (e.g. images/figure.png), inside the publication's folder.",
    }
  }
  return allowed
}

/** The lower-case scheme a browser would see in `url`, or undefined for a relative reference. */
export function schemeOf(url: string): string | undefined {
  const match = /^([a-z][a-z0-9+.-]*):/i.exec(comparable(url))
  return match ? match[1]!.toLowerCase() : undefined
}

/**
 * `url` as compared for its scheme: entities and percent escapes decoded
 * (repeatedly, so double encoding does not hide a scheme), then every
 * whitespace, control, format (zero-width, bidi) and soft-hyphen character removed.
 */
export function comparable(url: string): string {
  let current = url
  for (let round = 0; round < 5; round++) {
    const next = percentDecode(decodeEntities(current))
    if (next === current) break
    current = next
  }
  return current.replace(/[\s\p{Cc}\p{Cf}\u00ad]/gu, '')
}

const namedEntities: Record<string, string> = {
  colon: ':',
  tab: '\t',
  newline: '\n',
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  sol: '/',
  bsol: '\\',
  num: '#',
  percnt: '%',
  lpar: '(',
  rpar: ')',
  period: '.',
  nbsp: '\u00a0',
}

/** Numeric character references (with or without the `;`, as browsers accept) and the named ones a scheme can hide behind. */
function decodeEntities(text: string): string {
  return text.replace(/&(?:#x([0-9a-f]+)|#([0-9]+)|([a-z]+));?/gi, (whole, hex?: string, dec?: string, name?: string) => {
    if (hex !== undefined || dec !== undefined) {
      const code = hex !== undefined ? parseInt(hex, 16) : parseInt(dec!, 10)
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '\ufffd'
    }
    return namedEntities[name!.toLowerCase()] ?? whole
  })
}

/** Percent escapes decoded one by one (a malformed sequence stays as it is). */
function percentDecode(text: string): string {
  return text.replace(/(?:%[0-9a-f]{2})+/gi, (run) => {
    try {
      return decodeURIComponent(run)
    } catch {
      return run.replace(/%([0-9a-f]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    }
  })
}
