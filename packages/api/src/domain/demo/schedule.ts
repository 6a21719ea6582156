import type { InitiativeKind } from '../../db/types.js'
import { addDays, type LocalDate, MINUTE, parisTime } from './paris-time.js'
import type { Random } from './random.js'

/** When activists actually meet: weekday evenings, Saturday market mornings, lunchtime webinars. */
interface Slot {
  /** Weekdays it may fall on, 0 being Sunday. */
  days: readonly number[]
  hour: number
  minute: number
  minutes: number
}

const weekdays = [1, 2, 3, 4] as const

const slots: Record<InitiativeKind, readonly Slot[]> = {
  meeting: [
    { days: weekdays, hour: 18, minute: 30, minutes: 120 },
    { days: [2, 4], hour: 19, minute: 0, minutes: 120 },
    { days: [6], hour: 14, minute: 30, minutes: 150 },
  ],
  canvassing: [
    { days: [6], hour: 10, minute: 0, minutes: 150 },
    { days: [6], hour: 14, minute: 30, minutes: 150 },
    { days: [3], hour: 18, minute: 0, minutes: 120 },
    { days: [0], hour: 10, minute: 30, minutes: 120 },
  ],
  leafleting: [
    { days: [6, 0], hour: 10, minute: 0, minutes: 120 },
    { days: [2, 5], hour: 8, minute: 0, minutes: 90 },
    { days: [3], hour: 17, minute: 30, minutes: 90 },
  ],
  phone_bank: [
    { days: weekdays, hour: 18, minute: 30, minutes: 120 },
    { days: [6], hour: 14, minute: 0, minutes: 180 },
  ],
  rally: [
    { days: [6], hour: 15, minute: 0, minutes: 150 },
    { days: [4, 5], hour: 19, minute: 0, minutes: 150 },
  ],
  online: [
    { days: weekdays, hour: 20, minute: 0, minutes: 90 },
    { days: [2, 4], hour: 12, minute: 30, minutes: 60 },
  ],
  other: [
    { days: [6], hour: 14, minute: 0, minutes: 180 },
    { days: [0], hour: 11, minute: 0, minutes: 180 },
  ],
}

export interface Schedule {
  starts_at: Date
  ends_at: Date
}

/**
 * A start on or up to six days after `around`, on a day and at an hour that suit the kind.
 * Callers leave a week of margin so the result stays inside their window.
 */
export function scheduleFor(kind: InitiativeKind, around: LocalDate, random: Random): Schedule {
  const slot = random.pick(slots[kind])
  let day = around
  while (!slot.days.includes(day.weekday)) day = addDays(day, 1)
  const starts_at = parisTime(day, slot.hour, slot.minute)
  return { starts_at, ends_at: new Date(starts_at.getTime() + slot.minutes * MINUTE) }
}
