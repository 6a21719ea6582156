import { z } from '@hono/zod-openapi'
import { HttpUrl, idParam } from '../common/schemas.js'

const signupPurposes = ['membership', 'news', 'public_activity'] as const

const name = (what: string) =>
  z
    .string({ error: `Enter your ${what}.` })
    .trim()
    .min(1, `Enter your ${what}.`)
    .max(100, `Your ${what} is too long (100 characters at most).`)

export const ConsentGivenSchema = z
  .object({
    purpose: z.enum(signupPurposes, { error: 'Use membership, news or public_activity.' }),
    text_id: z
      .string({ error: 'Send the id of the consent text shown.' })
      .regex(/^cst_[0-9a-z]{1,40}$/, 'Send the id of the consent text shown (cst_…).')
      .openapi({ maxLength: 44 }),
  })
  .openapi('ConsentGiven', { description: 'A box the visitor ticked, and the exact text shown beside it.' })

export const SignupSchema = z
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
      .openapi({ description: 'Language of the e-mails; defaults to that of the membership text shown.' }),
    group_id: idParam('grp', 'The public group to join once the e-mail is confirmed.').optional(),
    consents: z
      .array(ConsentGivenSchema, { error: 'Send the consents given, with the membership one.' })
      .max(3, 'Give each consent once.')
      .openapi({ description: 'Must include `membership`; `news` and `public_activity` are optional.' }),
    website: z
      .string()
      .max(2000)
      .optional()
      .openapi({ description: 'Leave empty: a field hidden from people, which only robots fill in.' }),
    source_page: HttpUrl.optional().openapi({ description: 'The page the form was on.' }),
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

export const ConfirmedSchema = z
  .object({
    status: z.literal('confirmed'),
    purpose: z.enum(['signup', 'rsvp']).openapi({ description: 'What the link confirmed.' }),
  })
  .openapi('Confirmed')
