import type { z } from '@hono/zod-openapi'
import type { ListedRsvp } from '../../domain/rsvps/list.js'
import type { RsvpOutcome } from '../../domain/rsvps/register.js'
import type { RsvpPlacedSchema, RsvpRequestedSchema, RsvpSchema } from './schemas.js'

/**
 * One answer for every public RSVP: new address, known one, already registered or robot alike. It
 * holds only what the caller sent (the initiative) and constant text: no RSVP id (its time-ordered
 * prefix would date an old row), no places left (they would move for some addresses and not others).
 */
export function presentRequested(initiativeId: string): z.infer<typeof RsvpRequestedSchema> {
  return {
    status: 'pending_confirmation',
    initiative_id: initiativeId,
    message_fr:
      'Merci ! Un e-mail vient de vous être envoyé : cliquez sur le lien qu’il contient pour confirmer votre ' +
      'place. Aucune place n’est réservée avant cette confirmation.',
    message_en:
      'Thank you! An e-mail is on its way: follow the link it contains to confirm your place. No place is held ' +
      'until then.',
  }
}

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
