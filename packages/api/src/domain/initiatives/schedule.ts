import { invalid } from '../errors.js'

const longestMs = 7 * 24 * 3600 * 1000

/** An initiative ends after it starts, within a week: longer campaigns are several initiatives. */
export function checkSchedule(startsAt: Date, endsAt: Date): void {
  if (endsAt.getTime() <= startsAt.getTime()) throw invalid('ends_at', 'An initiative must end after it starts.')
  if (endsAt.getTime() - startsAt.getTime() > longestMs) {
    throw invalid('ends_at', 'An initiative lasts 7 days at most; split longer campaigns into several initiatives.')
  }
}

/** The earliest start an initiative still running at `at` can have: lets SQL bound the start index. */
export function earliestStartRunningAt(at: Date): Date {
  return new Date(at.getTime() - longestMs)
}

const zoneName = /^(?:UTC|[A-Za-z][A-Za-z0-9_+-]*(?:\/[A-Za-z0-9_+-]+){1,2})$/

/**
 * The IANA name of a time zone in its canonical spelling (`europe/paris` → `Europe/Paris`), or
 * undefined when the runtime's time zone database does not know it. Offsets are refused: a
 * calendar needs the zone's daylight-saving rules, not today's offset.
 */
export function canonicalTimeZone(name: string): string | undefined {
  if (!zoneName.test(name)) return undefined
  try {
    return new Intl.DateTimeFormat('en', { timeZone: name }).resolvedOptions().timeZone
  } catch {
    return undefined
  }
}
