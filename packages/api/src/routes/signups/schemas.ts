import { z } from '@hono/zod-openapi'
import { consentGiven, personFields } from '../common/person.js'
import { Count, idOf, idParam } from '../common/schemas.js'

const signupPurposes = ['membership', 'news', 'public_activity'] as const

export const ConsentGivenSchema = consentGiven(signupPurposes, 'ConsentGiven')

export const SignupSchema = z
  .object({
    ...personFields,
    language: z
      .enum(['fr', 'en'], { error: 'Use fr or en.' })
      .optional()
      .openapi({ description: 'Language of the e-mails; defaults to that of the membership text shown.' }),
    group_id: idParam('grp', 'The public group to join once the e-mail is confirmed.').optional(),
    consents: z
      .array(ConsentGivenSchema, { error: 'Send the consents given, with the membership one.' })
      .max(3, 'Give each consent once.')
      .openapi({ description: 'Must include `membership`; `news` and `public_activity` are optional.' }),
  })
  .openapi('Signup')

export const SignupAcceptedSchema = z
  .object({
    status: z.literal('pending_confirmation'),
    message_fr: z.string().max(1000),
    message_en: z.string().max(1000),
  })
  .openapi('SignupAccepted', {
    description: 'The same answer whether the address was new or known, so that nobody can test who is a member.',
  })

export const ConfirmationSchema = z
  .object({
    token: z.string({ error: 'Send the token from the link.' }).trim().min(1, 'Send the token from the link.').max(200),
  })
  .openapi('ConfirmationRequest')

export const ConfirmedRsvpSchema = z
  .object({
    initiative_id: idOf('ini'),
    status: z.enum(['going', 'waitlisted', 'full', 'cancelled', 'over']).openapi({
      description:
        '`going` or `waitlisted`: a place is held, given by this confirmation or before. `full` (no place and ' +
        'no waitlist), `cancelled` or `over`: no place could be given.',
    }),
    waitlist_position: Count.optional().openapi({ description: 'When waitlisted: the place in the queue, from 1.' }),
  })
  .openapi('ConfirmedRsvp')

export const ConfirmedSchema = z
  .object({
    status: z.literal('confirmed'),
    purpose: z.enum(['signup', 'rsvp']).openapi({ description: 'What the link confirmed.' }),
    rsvp: ConfirmedRsvpSchema.optional().openapi({
      description: 'For the link of an RSVP: the place it took, in the order of confirmations, or found already held.',
    }),
  })
  .openapi('Confirmed')
