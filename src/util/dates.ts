/** Dates written as YYYY, YYYY-MM or YYYY-MM-DD that exist on the calendar (no 2019-13-45, no 2019-02-30). */
export function isRealDate(text: string): boolean {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(text)
  if (!match) return false
  const [, year, month, day] = match
  if (month === undefined) return true
  const m = Number(month)
  if (m < 1 || m > 12) return false
  if (day === undefined) return true
  const d = Number(day)
  const days = new Date(Date.UTC(Number(year), m, 0)).getUTCDate()
  return d >= 1 && d <= days
}

/** Now as a decision date (UTC, to the second: 2026-12-01T23:40:00Z); SOURCE_DATE_EPOCH when set. */
export function decisionDate(env: NodeJS.ProcessEnv = process.env): string {
  const epoch = env.SOURCE_DATE_EPOCH
  const now = epoch !== undefined && epoch !== '' ? new Date(Number(epoch) * 1000) : new Date()
  return now.toISOString().replace(/\.\d{3}Z$/, 'Z')
}
