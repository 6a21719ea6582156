import { describe, expect, it } from 'vitest'
import { addDays, parisDateOf, parisTime } from './paris-time.js'

const wallClock = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Paris',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
})

describe('parisTime', () => {
  it('agrees with the time-zone database on every day around both changes of time', () => {
    for (const start of ['2026-03-20', '2026-10-17', '2027-03-20', '2027-10-23']) {
      const [year, month, day] = start.split('-').map(Number) as [number, number, number]
      for (let offset = 0; offset < 16; offset++) {
        const date = addDays({ year, month, day, weekday: 0 }, offset)
        for (const [hour, minute] of [
          [8, 0],
          [10, 0],
          [18, 30],
          [21, 0],
        ] as const) {
          const instant = parisTime(date, hour, minute)
          const expected = `${String(date.day).padStart(2, '0')}/${String(date.month).padStart(2, '0')}/${date.year}, ${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`
          expect(wallClock.format(instant)).toBe(expected)
          expect(parisDateOf(instant)).toEqual(date)
        }
      }
    }
  })
})
