import type { z } from '@hono/zod-openapi'
import type { ListedRsvp } from '../../domain/rsvps/list.js'
import type { RsvpOutcome } from '../../domain/rsvps/register.js'
import type { RsvpPlacedSchema, RsvpSchema } from './schemas.js'

export function presentPlaced(outcome: RsvpOutcome): z.infer<typeof RsvpPlacedSchema> {
  return {
    id: outcome.id,
    initiative_id: outcome.initiative_id,
    status: outcome.status,
    spots_left: outcome.spots_left,
    ...(outcome.waitlist_position !== null ? { waitlist_position: outcome.waitlist_position } : {}),
  }
}

export function presentRsvp(rsvp: ListedRsvp): z.infer<typeof RsvpSchema> {
  return {
    id: rsvp.id,
    initiative_id: rsvp.initiative_id,
    status: rsvp.status,
    member: {
      id: rsvp.member_id,
      given_name: rsvp.given_name,
      family_name: rsvp.family_name,
      email: rsvp.email,
      status: rsvp.member_status,
    },
    created_at: rsvp.created_at.toISOString(),
    updated_at: rsvp.updated_at.toISOString(),
    queued_at: rsvp.queued_at.toISOString(),
  }
}
