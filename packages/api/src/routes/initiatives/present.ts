import type { z } from '@hono/zod-openapi'
import type { ListedInitiative } from '../../domain/initiatives/list.js'
import { spotsLeft } from '../../domain/rsvps/open.js'
import type { InitiativeSchema } from './schemas.js'

export interface Presentation {
  publicUrl: string
  /** Secret keys see the exact address even when it is kept for participants. */
  includePrivate: boolean
}

export function calendarUrl(publicUrl: string, initiativeId: string): string {
  return `${publicUrl}/v1/initiatives/${initiativeId}/calendar.ics`
}

export function presentInitiative(
  initiative: ListedInitiative,
  { publicUrl, includePrivate }: Presentation,
): z.infer<typeof InitiativeSchema> {
  const located = [
    initiative.location_name,
    initiative.address,
    initiative.postcode,
    initiative.commune,
    initiative.public_latitude,
  ].some((value) => value !== null)
  return {
    id: initiative.id,
    group: { id: initiative.group_id, name: initiative.group_name },
    kind: initiative.kind,
    title: initiative.title,
    summary: initiative.summary,
    description: initiative.description,
    starts_at: initiative.starts_at.toISOString(),
    ends_at: initiative.ends_at.toISOString(),
    timezone: initiative.timezone,
    location: located
      ? {
          name: initiative.location_name,
          address: initiative.hide_address && !includePrivate ? null : initiative.address,
          postcode: initiative.postcode,
          commune: initiative.commune,
          latitude: initiative.public_latitude,
          longitude: initiative.public_longitude,
          hide_address: initiative.hide_address,
        }
      : null,
    online_url: initiative.online_url,
    capacity: initiative.capacity,
    spots_left: spotsLeft(initiative),
    rsvp_count: initiative.going_count,
    waitlist_count: initiative.waitlist_count,
    waitlist_enabled: initiative.waitlist_enabled,
    status: initiative.status,
    tags: initiative.tags,
    calendar_url: calendarUrl(publicUrl, initiative.id),
    ...(initiative.distance_km !== undefined ? { distance_km: initiative.distance_km } : {}),
    published_at: initiative.published_at?.toISOString() ?? null,
    cancelled_at: initiative.cancelled_at?.toISOString() ?? null,
    updated_at: initiative.updated_at.toISOString(),
  }
}
