import { html, nothing, type TemplateResult } from 'lit'
import { format, frenchFirst } from '../../i18n/common.js'
import type { Schemas } from '../../internal/api.js'
import type { Lang } from '../../internal/relais-element.js'
import { safeUrl } from '../../internal/states.js'
import type { InitiativeKind } from './initiative-kinds.js'

// How an initiative reads wherever it is shown: in the list and in the detail of `relais-event`.
// Kept apart from the RSVP form so that the list loads this without the form.

export type Initiative = Schemas['Initiative']
export { type InitiativeKind, initiativeKinds } from './initiative-kinds.js'

/** English: `initiative.en.ts`. */
export const kindLabels = frenchFirst<InitiativeKind>({
  meeting: 'Réunion',
  canvassing: 'Porte-à-porte',
  leafleting: 'Tractage',
  phone_bank: 'Phoning',
  rally: 'Meeting',
  online: 'En ligne',
  other: 'Autre',
})

/** English: `initiative.en.ts`. */
export const initiativeTexts = frenchFirst({
  online: 'En ligne',
  spotsOne: '1 place restante',
  spotsMany: '{n} places restantes',
  full: 'Complet',
  fullWaitlist: "Complet — liste d'attente",
  calendar: 'Ajouter au calendrier',
})

/** Why an initiative takes no RSVP now, if it does not. */
export type Closed = 'cancelled' | 'past' | 'full'

export function closedReason(initiative: Initiative, now = Date.now()): Closed | undefined {
  if (initiative.status === 'cancelled') return 'cancelled'
  if (Date.parse(initiative.ends_at) <= now) return 'past'
  if (initiative.spots_left === 0 && !initiative.waitlist_enabled) return 'full'
  return undefined
}

/** "Salle Olympe de Gouges, Paris" or "En ligne"; nothing when neither is known. */
export function placeOf(initiative: Initiative, lang: Lang): string {
  const { location } = initiative
  const named = [location?.name, location?.commune].filter(Boolean).join(', ')
  return named || (initiative.online_url || initiative.kind === 'online' ? initiativeTexts[lang].online : '')
}

/** "3 places restantes", "Complet — liste d'attente", "Complet"; nothing without a limit. */
export function spotsOf(initiative: Initiative, lang: Lang): string {
  const m = initiativeTexts[lang]
  const left = initiative.spots_left
  if (left === null) return ''
  if (left > 0) return left === 1 ? m.spotsOne : format(m.spotsMany, { n: left })
  return initiative.waitlist_enabled ? m.fullWaitlist : m.full
}

/**
 * A link to the initiative's iCalendar file, carrying the publishable key in the query: a calendar
 * app opens the file without the widget's Authorization header.
 */
export function calendarLink(initiative: Initiative, key: string, lang: Lang): TemplateResult | typeof nothing {
  const href = safeUrl(initiative.calendar_url)
  if (!href) return nothing
  const url = new URL(href)
  if (key) url.searchParams.set('key', key)
  return html`<a part="calendar-link" class="button secondary" href=${url.href}
    ><span>${initiativeTexts[lang].calendar}<span class="visually-hidden"> : ${initiative.title}</span></span></a
  >`
}
