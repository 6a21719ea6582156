import type { Lang } from '../internal/relais-element.js'

/** The `Intl` locale of each widget language. */
export const locales: Record<Lang, string> = { fr: 'fr-FR', en: 'en-GB' }

/**
 * "samedi 5 décembre, 10:00 – 12:00" in the initiative's own time zone, whatever the visitor's:
 * a Paris meeting shows Paris hours to a reader in Montréal, with the zone named when it differs.
 */
export function formatSchedule(startsAt: string, endsAt: string, timeZone: string, lang: Lang): string {
  const start = new Date(startsAt)
  const end = new Date(endsAt)
  const locale = locales[lang]
  const day = new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long', timeZone })
  const time = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', timeZone })
  const sameDay = day.format(start) === day.format(end)
  const range = sameDay
    ? `${day.format(start)}, ${time.format(start)} – ${time.format(end)}`
    : `${day.format(start)}, ${time.format(start)} – ${day.format(end)}, ${time.format(end)}`
  const visitorZone = Intl.DateTimeFormat().resolvedOptions().timeZone
  if (visitorZone === timeZone) return range
  const zoneName = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: 'short' })
    .formatToParts(start)
    .find((part) => part.type === 'timeZoneName')?.value
  return zoneName ? `${range} (${zoneName})` : range
}

/** A number with the visitor's separators: "2 431" / "2,431". */
export function formatCount(value: number, lang: Lang): string {
  return new Intl.NumberFormat(locales[lang]).format(value)
}
