import { z } from '@hono/zod-openapi'
import { hasControlCharacters } from '../../domain/initiatives/plain-text.js'
import { Count, EmailOut, HttpUrl, idOf, idParam, ListQuery, pageOf, Timestamp } from '../common/schemas.js'

export const rsvpStatuses = ['going', 'waitlisted', 'cancelled', 'attended'] as const
const rsvpPurposes = ['event_participation', 'news', 'public_activity'] as const

export const InitiativeIdParam = z.object({ initiative_id: idParam('ini', 'The initiative.') })
export const RsvpIdParam = z.object({ rsvp_id: idParam('rsv', 'The RSVP.') })

const name = (what: string) =>
  z
    .string({ error: `Enter your ${what}.` })
    .trim()
    .min(1, `Enter your ${what}.`)
    .max(100, `Your ${what} is too long (100 characters at most).`)
    .refine((text) => !hasControlCharacters(text), `Write your ${what} on one line.`)

export const RsvpConsentSchema = z
  .object({
    purpose: z.enum(rsvpPurposes, { error: 'Use event_participation, news or public_activity.' }),
    text_id: z
      .string({ error: 'Send the id of the consent text shown.' })
      .regex(/^cst_[0-9a-z]{1,40}$/, 'Send the id of the consent text shown (cst_…).')
      .openapi({ maxLength: 44 }),
  })
  .openapi('RsvpConsent', { description: 'A box the visitor ticked, and the exact text shown beside it.' })

export const RsvpCreateSchema = z
  .object({
    email: z
      .string({ error: 'Enter your e-mail address.' })
      .trim()
      .max(254, 'This e-mail address is too long.')
      .email('Enter a valid e-mail address.')
      .openapi({ example: 'camille.martin@example.org' }),
    given_name: name('given name').openapi({ example: 'Camille' }),
    family_name: name('family name').openapi({ example: 'Martin' }),
    postcode: z
      .string({ error: 'Enter your postcode.' })
      .trim()
      .regex(/^\d{5}$/, 'Enter your postcode: five digits, such as 75011.')
      .openapi({ example: '75011', maxLength: 5 }),
    phone: z
      .string()
      .trim()
      .regex(/^\+?[0-9 .()-]{6,24}$/, 'Enter a phone number, such as 06 12 34 56 78.')
      .optional()
      .openapi({ example: '06 12 34 56 78', maxLength: 25 }),
    language: z
      .enum(['fr', 'en'], { error: 'Use fr or en.' })
      .optional()
      .openapi({ description: 'Language of the e-mails; defaults to that of the participation text shown.' }),
    consents: z
      .array(RsvpConsentSchema, { error: 'Send the consents given, with the event_participation one.' })
      .min(1, 'Taking part needs the event_participation consent.')
      .max(3, 'Give each consent once.')
      .openapi({ description: 'Must include `event_participation`; `news` and `public_activity` are optional.' }),
    website: z
      .string()
      .max(2000)
      .optional()
      .openapi({ description: 'Leave empty: a field hidden from people, which only robots fill in.' }),
    // Normalized by the URL parser, which percent-encodes what the database would refuse (a NUL byte).
    source_page: HttpUrl.transform((url) => new URL(url).href)
      .optional()
      .openapi({ description: 'The page the form was on.' }),
  })
  .openapi('RsvpCreate')

export const RsvpPlacedSchema = z
  .object({
    id: idOf('rsv'),
    initiative_id: idOf('ini'),
    status: z.enum(['going', 'waitlisted', 'pending_confirmation']).openapi({
      description:
        '`going`: a place is held. `waitlisted`: in the queue, promoted in order as places free up. ' +
        '`pending_confirmation` is reserved for RSVPs that will wait for the e-mail confirmation.',
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
