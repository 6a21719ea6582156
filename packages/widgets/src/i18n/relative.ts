import type { Lang } from '../internal/relais-element.js'
import { locales } from './dates.js'

// Apart from dates.ts: only the activity feed needs it, so only its bundle carries it.

/** "il y a 5 minutes" / "5 minutes ago". */
export function formatRelative(at: string, lang: Lang, now = Date.now()): string {
  const seconds = Math.round((new Date(at).getTime() - now) / 1000)
  const rtf = new Intl.RelativeTimeFormat(locales[lang], { numeric: 'auto' })
  const units: [Intl.RelativeTimeFormatUnit, number][] = [
    ['year', 31_536_000],
    ['month', 2_592_000],
    ['week', 604_800],
    ['day', 86_400],
    ['hour', 3_600],
    ['minute', 60],
  ]
  for (const [unit, size] of units) if (Math.abs(seconds) >= size) return rtf.format(Math.trunc(seconds / size), unit)
  return rtf.format(seconds, 'second')
}
