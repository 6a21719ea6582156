/**
 * Wall-clock times in Europe/Paris turned into UTC instants. Initiatives are planned in local
 * time ("samedi 10 h au marché"), stored in UTC, and must stay at 10 h on both sides of a
 * daylight-saving change, so the offset is computed per date, not once.
 */

export const MINUTE = 60_000
export const HOUR = 60 * MINUTE
export const DAY = 24 * HOUR

/** A calendar date in Paris; `weekday` 0 is Sunday, as in `Date#getDay`. */
export interface LocalDate {
  year: number
  month: number
  day: number
  weekday: number
}

// The EU rule since 1996: summer time from the last Sunday of March to the last Sunday of
// October, switching at 01:00 UTC. Being a rule, it needs no time-zone data at run time.
function lastSundayAt1Utc(year: number, monthIndex: number): number {
  const lastDay = new Date(Date.UTC(year, monthIndex + 1, 0))
  return Date.UTC(year, monthIndex, lastDay.getUTCDate() - lastDay.getUTCDay(), 1)
}

/** Hours ahead of UTC in Paris at that instant: 2 in summer, 1 in winter. */
export function parisOffsetHours(instant: number): 1 | 2 {
  const year = new Date(instant).getUTCFullYear()
  const summer = instant >= lastSundayAt1Utc(year, 2) && instant < lastSundayAt1Utc(year, 9)
  return summer ? 2 : 1
}

export function parisDateOf(instant: Date): LocalDate {
  const shifted = new Date(instant.getTime() + parisOffsetHours(instant.getTime()) * HOUR)
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    weekday: shifted.getUTCDay(),
  }
}

export function addDays(date: LocalDate, days: number): LocalDate {
  const moved = new Date(Date.UTC(date.year, date.month - 1, date.day + days))
  return {
    year: moved.getUTCFullYear(),
    month: moved.getUTCMonth() + 1,
    day: moved.getUTCDate(),
    weekday: moved.getUTCDay(),
  }
}

/**
 * The instant at which Paris clocks show that date and time. The offset is read an hour before
 * the wall time taken as UTC, which lands on the right side of the switch for any hour outside
 * the skipped or repeated night hour (demo initiatives never start then).
 */
export function parisTime(date: LocalDate, hour: number, minute = 0): Date {
  const wall = Date.UTC(date.year, date.month - 1, date.day, hour, minute)
  return new Date(wall - parisOffsetHours(wall - HOUR) * HOUR)
}
