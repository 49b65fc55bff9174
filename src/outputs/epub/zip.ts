/**
 * The OCF container: a ZIP whose first entry is `mimetype`, stored
 * (uncompressed), then the files in the order given. Every entry has the same
 * timestamp (the build date) and no platform-specific attributes, so the same
 * inputs give the same bytes on every machine and in every time zone.
 */
import { strToU8, zipSync, type Zippable } from 'fflate'

export const EPUB_MEDIA_TYPE = 'application/epub+zip'

export interface ContainerEntry {
  /** Path inside the container. */
  path: string
  data: string | Uint8Array
  /** Already compressed formats (woff2) are stored. */
  store?: boolean
}

export function packageContainer(entries: ContainerEntry[], date: Date): Uint8Array {
  const mtime = dosTime(date)
  const files: Zippable = { mimetype: [strToU8(EPUB_MEDIA_TYPE), { level: 0, mtime }] }
  for (const entry of entries) {
    if (entry.path in files) throw new Error(`Duplicate EPUB entry ${entry.path}`)
    const data = typeof entry.data === 'string' ? strToU8(entry.data) : entry.data
    files[entry.path] = [data, { level: entry.store ? 0 : 9, mtime }]
  }
  // Object keys keep insertion order (no entry name is an integer), so mimetype stays first.
  return zipSync(files, { os: 0, attrs: 0 })
}

/**
 * ZIP stores local date and time fields (1980–2099) and fflate reads them with
 * the local getters: build a local Date whose fields are the UTC ones.
 */
function dosTime(date: Date): Date {
  const clamped = Math.min(Math.max(date.getTime(), Date.UTC(1980, 0, 1)), Date.UTC(2099, 11, 31))
  const utc = new Date(clamped)
  return new Date(utc.getUTCFullYear(), utc.getUTCMonth(), utc.getUTCDate(), utc.getUTCHours(), utc.getUTCMinutes(), utc.getUTCSeconds())
}
