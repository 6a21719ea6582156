import type { Language } from './layout.js'

const locales: Record<Language, string> = { fr: 'fr-FR', en: 'en-GB' }
const homeZone = 'Europe/Paris'

/** When an initiative takes place, in its own time zone, named when it is not Paris time. */
export function formatPeriod(start: Date, end: Date, timezone: string, language: Language): string {
  const format = new Intl.DateTimeFormat(locales[language], {
    dateStyle: 'full',
    timeStyle: 'short',
    timeZone: timezone,
  })
  const period = format.formatRange(start, end)
  return timezone === homeZone ? period : `${period} (${timezone})`
}

/** Whole days left until `until`, at least one. */
export function daysLeft(until: Date, now: Date): number {
  return Math.max(1, Math.round((until.getTime() - now.getTime()) / (24 * 3600 * 1000)))
}
