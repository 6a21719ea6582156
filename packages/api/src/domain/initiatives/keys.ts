import { sql } from 'kysely'
import { DomainError } from '../errors.js'
import { decodeCursor } from '../pagination.js'

// Microseconds, in UTC whatever the session's time zone: a keyset cursor must compare exactly as the
// database stores the timestamp, and JavaScript dates would drop the microseconds.
const keyFormat = 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'
const keyShape = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})\.\d{6}Z$/

// A real instant, not merely its shape: 2026-02-30 would pass the pattern and fail in SQL.
function isInstant(at: string): boolean {
  const parts = keyShape.exec(at)?.slice(1).map(Number)
  if (!parts) return false
  const [year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0] = parts
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute, second))
  return (
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day &&
    date.getUTCHours() === hour &&
    date.getUTCMinutes() === minute &&
    date.getUTCSeconds() === second
  )
}

/** A timestamp column as the text a cursor holds. */
export function timestampKey(column: string) {
  return sql<string>`to_char(${sql.ref(column)} at time zone 'UTC', ${keyFormat})`
}

/** A cursor of (timestamp key, id), checked before it reaches SQL. */
export function decodeTimestampCursor(cursor: string): { at: string; id: string } {
  const [at, id] = decodeCursor(cursor, 2)
  if (typeof at === 'string' && isInstant(at) && typeof id === 'string') return { at, id }
  throw new DomainError('invalid', 'The cursor is not one this API gave out.', [
    { path: 'cursor', message: 'Pass the next_cursor of the previous page unchanged.' },
  ])
}

/** The key's text back as a timestamp parameter, compared at full precision. */
export function keyTimestamp(at: string) {
  return sql<Date>`cast(${at} as timestamptz)`
}
