import type { z } from '@hono/zod-openapi'
import type { FollowedLink } from '../../domain/signups/confirmation.js'
import type { ConfirmedSchema } from './schemas.js'

export function presentConfirmed(followed: FollowedLink): z.infer<typeof ConfirmedSchema> {
  const { rsvp } = followed
  return {
    status: 'confirmed',
    purpose: followed.purpose,
    ...(rsvp
      ? {
          rsvp: {
            initiative_id: rsvp.initiative_id,
            status: rsvp.status,
            ...(rsvp.waitlist_position !== null ? { waitlist_position: rsvp.waitlist_position } : {}),
          },
        }
      : {}),
  }
}
