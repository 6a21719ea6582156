import { z } from '@hono/zod-openapi'
import { consentPurposes } from '../../domain/consent/purposes.js'
import { Count, idOf, idParam, LanguageOut, ListQuery, pageOf, Timestamp } from '../common/schemas.js'

export const ConsentTextQuery = z.object({
  purpose: z.enum(consentPurposes, { error: `Use one of ${consentPurposes.join(', ')}.` }).optional(),
  language: z.enum(['fr', 'en'], { error: 'Use fr or en.' }).optional(),
})

export const ConsentTextSchema = z
  .object({
    id: idOf('cst'),
    purpose: z.enum(consentPurposes),
    language: LanguageOut,
    version: Count.openapi({ example: 1 }),
    text: z.string().max(20_000).openapi({ description: 'Show it verbatim beside the box it belongs to.' }),
    sha256: z
      .string()
      .max(64)
      .regex(/^[0-9a-f]{64}$/)
      .openapi({ description: 'SHA-256 of `text` (hex), as recorded in the consent ledger.' }),
  })
  .openapi('ConsentText')

export const ConsentTextListSchema = z
  .object({ data: z.array(ConsentTextSchema).max(100) })
  .openapi('ConsentTextList', { description: 'The current text of each purpose and language.' })

export const ConsentTextIdParam = z.object({ consent_text_id: idParam('cst', 'The consent text version.') })

export const ConsentTextVersionSchema = ConsentTextSchema.extend({
  created_at: Timestamp,
  retired_at: Timestamp.nullable().openapi({
    description: 'When a newer version replaced it: forms showing it are refused from then on.',
  }),
}).openapi('ConsentTextVersion')

export const ConsentTextVersionPageSchema = pageOf(ConsentTextVersionSchema, 'ConsentTextVersionPage')

export const ConsentTextVersionQuery = ListQuery.extend(ConsentTextQuery.shape)

export const ConsentTextCreateSchema = z
  .strictObject({
    purpose: z.enum(consentPurposes, { error: `Use one of ${consentPurposes.join(', ')}.` }),
    language: z.enum(['fr', 'en'], { error: 'Use fr or en.' }),
    text: z
      .string()
      .trim()
      .min(20, 'A consent text says who processes what and why: write at least 20 characters.')
      .max(20_000)
      .openapi({ description: 'Shown verbatim beside the consent box; its SHA-256 is computed by the server.' }),
  })
  .openapi('ConsentTextCreate')
