import { z } from '@hono/zod-openapi'
import type { ConsentPurpose } from '../../domain/consent/purposes.js'
import { hasControlCharacters } from '../../domain/initiatives/plain-text.js'
import { ProofField } from '../challenges/schemas.js'
import { HttpUrl } from './schemas.js'

// What a visitor types into a public form (sign-up or RSVP): one definition, so both forms accept
// and refuse the same things with the same words.

const name = (what: string) =>
  z
    .string({ error: `Enter your ${what}.` })
    .trim()
    .min(1, `Enter your ${what}.`)
    .max(100, `Your ${what} is too long (100 characters at most).`)
    .refine((text) => !hasControlCharacters(text), `Write your ${what} on one line.`)

export const personFields = {
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
  website: z
    .string()
    .max(2000)
    .optional()
    .openapi({ description: 'Leave empty: a field hidden from people, which only robots fill in.' }),
  proof: ProofField.optional(),
  // Normalized by the URL parser, which percent-encodes what the database would refuse.
  source_page: HttpUrl.transform((url) => new URL(url).href)
    .optional()
    .openapi({ description: 'The page the form was on.' }),
}

/** A box the visitor ticked for one of `purposes`, and the id of the exact text shown beside it. */
export function consentGiven<P extends readonly [ConsentPurpose, ...ConsentPurpose[]]>(purposes: P, name: string) {
  return z
    .object({
      purpose: z.enum(purposes, { error: `Use ${purposes.join(', ')}.` }),
      text_id: z
        .string({ error: 'Send the id of the consent text shown.' })
        .regex(/^cst_[0-9a-z]{1,40}$/, 'Send the id of the consent text shown (cst_…).')
        .openapi({ maxLength: 44 }),
    })
    .openapi(name, { description: 'A box the visitor ticked, and the exact text shown beside it.' })
}
