import { z } from '@hono/zod-openapi'
import { consentPurposes } from '../../domain/consent/purposes.js'

export const ConsentTextQuery = z.object({
  purpose: z.enum(consentPurposes, { error: `Use one of ${consentPurposes.join(', ')}.` }).optional(),
  language: z.enum(['fr', 'en'], { error: 'Use fr or en.' }).optional(),
})

export const ConsentTextSchema = z
  .object({
    id: z.string().openapi({ example: 'cst_06f3k2n8q1v7x0b4c9d2e5h8j1' }),
    purpose: z.enum(consentPurposes),
    language: z.string().openapi({ example: 'fr' }),
    version: z.number().int().openapi({ example: 1 }),
    text: z.string().openapi({ description: 'Show it verbatim beside the box it belongs to.' }),
    sha256: z.string().openapi({ description: 'SHA-256 of `text` (hex), as recorded in the consent ledger.' }),
  })
  .openapi('ConsentText')

export const ConsentTextListSchema = z
  .object({ data: z.array(ConsentTextSchema) })
  .openapi('ConsentTextList', { description: 'The current text of each purpose and language.' })
