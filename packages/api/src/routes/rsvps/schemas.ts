import { z } from '@hono/zod-openapi'
import { consentGiven, personFields } from '../common/person.js'
import { Count, EmailOut, idOf, idParam, ListQuery, pageOf, Timestamp } from '../common/schemas.js'

export const rsvpStatuses = ['going', 'waitlisted', 'cancelled', 'attended'] as const
const rsvpPurposes = ['event_participation', 'news', 'public_activity'] as const

export const InitiativeIdParam = z.object({ initiative_id: idParam('ini', 'The initiative.') })
export const RsvpIdParam = z.object({ rsvp_id: idParam('rsv', 'The RSVP.') })

export const RsvpConsentSchema = consentGiven(rsvpPurposes, 'RsvpConsent')

export const RsvpCreateSchema = z
  .object({
    ...personFields,
    language: z
      .enum(['fr', 'en'], { error: 'Use fr or en.' })
      .optional()
      .openapi({ description: 'Language of the e-mails; defaults to that of the participation text shown.' }),
    consents: z
      .array(RsvpConsentSchema, { error: 'Send the consents given, with the event_participation one.' })
      .min(1, 'Taking part needs the event_participation consent.')
      .max(3, 'Give each consent once.')
      .openapi({ description: 'Must include `event_participation`; `news` and `public_activity` are optional.' }),
  })
  .openapi('RsvpCreate')

export const RsvpRequestedSchema = z
  .object({
    status: z.literal('pending_confirmation').openapi({
      description: 'No place is taken yet: the link of the e-mail sent to the address takes it.',
    }),
    initiative_id: idOf('ini'),
    message_fr: z.string().max(1000),
    message_en: z.string().max(1000),
  })
  .openapi('RsvpRequested', {
    description:
      'The same answer, byte for byte, whatever the address: new, a member, pending, already registered or ' +
      'cancelled before. Nobody can test who registered, nor register someone else.',
  })

export const RsvpPlacedSchema = z
  .object({
    id: idOf('rsv'),
    initiative_id: idOf('ini'),
    status: z.enum(['going', 'waitlisted']).openapi({
      description: '`going`: a place is held. `waitlisted`: in the queue, promoted in order as places free up.',
    }),
    spots_left: Count.nullable().openapi({ description: 'Places left now; null when there is no limit.' }),
    waitlist_position: Count.optional().openapi({ description: 'When waitlisted: the place in the queue, from 1.' }),
  })
  .openapi('RsvpPlaced')

export const RsvpSchema = z
  .object({
    id: idOf('rsv'),
    initiative_id: idOf('ini'),
    status: z.enum(rsvpStatuses),
    member: z
      .object({
        id: idOf('mem'),
        given_name: z.string().max(100).nullable(),
        family_name: z.string().max(100).nullable(),
        email: EmailOut.nullable(),
        status: z.enum(['pending', 'active', 'unsubscribed', 'erased']),
      })
      .openapi({ description: 'The person (null names and e-mail once erased).' }),
    created_at: Timestamp,
    updated_at: Timestamp,
    queued_at: Timestamp.openapi({
      description: 'When they took their place or joined the waitlist: the queue order.',
    }),
  })
  .openapi('Rsvp')

export const RsvpPageSchema = pageOf(RsvpSchema, 'RsvpPage')

export const RsvpListQuery = ListQuery.extend({ status: z.enum(rsvpStatuses).optional() })

export const RsvpUpdateSchema = z
  .strictObject({
    status: z.enum(rsvpStatuses).openapi({
      description:
        '`attended` for people going; `cancelled` frees the place for the first of the waitlist; `going` needs a free place.',
    }),
  })
  .openapi('RsvpUpdate')
