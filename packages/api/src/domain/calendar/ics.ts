import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator'
import type { InitiativeStatus } from '../../db/types.js'
import type { InitiativeView } from '../initiatives/visibility.js'
import { calendarText, calendarUri, escapeText } from './text.js'

export interface CalendarEntry {
  initiative: InitiativeView
  /** The link the event points to: the online meeting, or the initiative's own calendar file. */
  url: string
}

export interface CalendarOptions {
  name: string
  entries: CalendarEntry[]
  /** How often subscribed apps should fetch the feed again, in seconds. */
  refreshSeconds?: number
  /** `PUBLISH` for a calendar sent by e-mail (iMIP): its MIME type says `method=PUBLISH` too. */
  method?: 'PUBLISH'
}

const statuses: Record<InitiativeStatus, ICalEventStatus> = {
  draft: ICalEventStatus.TENTATIVE,
  pending_review: ICalEventStatus.TENTATIVE,
  published: ICalEventStatus.CONFIRMED,
  cancelled: ICalEventStatus.CANCELLED,
}

/**
 * An RFC 5545 calendar of initiatives. Times are written in UTC (`…Z`), which every calendar app
 * reads the same way and which needs no VTIMEZONE rules of our own; apps show them in their user's
 * zone. UIDs are stable and SEQUENCE follows the initiative's, so a subscribed calendar replaces an
 * event that moved and shows a cancellation. Exact addresses kept for participants are left out.
 * Without METHOD, DTSTAMP is the time of the last change: the same data gives the same bytes.
 */
export function renderCalendar({ name, entries, refreshSeconds, method }: CalendarOptions): string {
  const calendar = ical({
    prodId: { company: 'Relais', product: 'Relais', language: 'FR' },
    name: escapeText(name),
    ...(refreshSeconds ? { ttl: refreshSeconds } : {}),
    ...(method ? { method: ICalCalendarMethod.PUBLISH } : {}),
  })
  for (const { initiative, url } of entries) {
    const coordinates =
      initiative.public_latitude !== null && initiative.public_longitude !== null
        ? { lat: initiative.public_latitude, lon: initiative.public_longitude }
        : undefined
    const where = locationText(initiative)
    calendar.createEvent({
      id: `${initiative.id}@relais`,
      sequence: initiative.sequence,
      stamp: initiative.updated_at,
      created: initiative.created_at,
      lastModified: initiative.updated_at,
      start: initiative.starts_at,
      end: initiative.ends_at,
      summary: calendarText(initiative.title),
      description: calendarText(descriptionText(initiative)),
      location: where
        ? { title: where, ...(coordinates ? { geo: coordinates } : {}) }
        : coordinates
          ? { geo: coordinates }
          : null,
      url: calendarUri(url),
      status: statuses[initiative.status],
      categories: initiative.tags.map((tag) => ({ name: calendarText(tag) })),
    })
  }
  // The generator leaves the last line without its CRLF, which RFC 5545 requires on every line.
  return `${calendar.toString()}\r\n`
}

/** The place as text: venue, street unless kept for participants, postcode and commune; else the online link. */
function locationText(initiative: InitiativeView): string {
  const town = [initiative.postcode, initiative.commune].filter(Boolean).join(' ')
  const parts = [initiative.location_name, initiative.hide_address ? null : initiative.address, town || null]
  const place = parts.filter((part): part is string => Boolean(part)).join(', ')
  return calendarText(place || initiative.online_url || '')
}

function descriptionText(initiative: InitiativeView): string {
  return [initiative.summary, initiative.description, initiative.online_url]
    .filter((part): part is string => Boolean(part?.trim()))
    .join('\n\n')
}
