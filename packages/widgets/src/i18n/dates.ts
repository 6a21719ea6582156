import type { Lang } from '../internal/relais-element.js'

/** The `Intl` locale of each widget language. */
export const locales: Record<Lang, string> = { fr: 'fr-FR', en: 'en-GB' }

// Each Intl formatter takes a fraction of a millisecond to make, and a list makes several per
// initiative: one per language, time zone and shape is made, then kept.
const formatters: Record<string, Intl.DateTimeFormat> = {}

/** The formatter of `lang` for `options` in `timeZone` (the visitor's when undefined). */
export const dateFormat = (lang: Lang, timeZone: string | undefined, options: Intl.DateTimeFormatOptions) =>
  (formatters[lang + timeZone + JSON.stringify(options)] ??= new Intl.DateTimeFormat(locales[lang], {
    ...options,
    timeZone,
  }))

/**
 * "samedi 5 décembre, 10:00 – 12:00" in the initiative's own time zone, whatever the visitor's:
 * a Paris meeting shows Paris hours to a reader in Montréal, with the zone named when it differs.
 */
export function formatSchedule(startsAt: string, endsAt: string, timeZone: string, lang: Lang): string {
  const start = new Date(startsAt)
  const end = new Date(endsAt)
  const day = dateFormat(lang, timeZone, { weekday: 'long', day: 'numeric', month: 'long' })
  const time = dateFormat(lang, timeZone, { hour: '2-digit', minute: '2-digit' })
  const sameDay = day.format(start) === day.format(end)
  const range = sameDay
    ? `${day.format(start)}, ${time.format(start)} – ${time.format(end)}`
    : `${day.format(start)}, ${time.format(start)} – ${day.format(end)}, ${time.format(end)}`
  if (dateFormat(lang, undefined, {}).resolvedOptions().timeZone === timeZone) return range
  const zoneName = dateFormat(lang, timeZone, { timeZoneName: 'short' })
    .formatToParts(start)
    .find((part) => part.type === 'timeZoneName')?.value
  return zoneName ? `${range} (${zoneName})` : range
}

/** A number with the visitor's separators: "2 431" / "2,431". */
export function formatCount(value: number, lang: Lang): string {
  return new Intl.NumberFormat(locales[lang]).format(value)
}
