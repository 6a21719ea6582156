import type { z } from '@hono/zod-openapi'
import type { ConsentText } from '../../db/types.js'
import type { ConsentPurpose } from '../../domain/consent/purposes.js'
import type { ConsentTextSchema, ConsentTextVersionSchema } from './schemas.js'

export function presentConsentText(text: ConsentText): z.infer<typeof ConsentTextSchema> {
  return {
    id: text.id,
    purpose: text.purpose as ConsentPurpose,
    language: text.language,
    version: text.version,
    text: text.text,
    sha256: text.sha256,
  }
}

export function presentConsentTextVersion(text: ConsentText): z.infer<typeof ConsentTextVersionSchema> {
  return {
    ...presentConsentText(text),
    created_at: text.created_at.toISOString(),
    retired_at: text.retired_at?.toISOString() ?? null,
  }
}
