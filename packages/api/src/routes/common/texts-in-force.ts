import type { Context } from 'hono'
import type { ConsentText } from '../../db/types.js'
import { currentConsentTexts } from '../../domain/consent/texts.js'

/**
 * The caller's consent texts in force, kept a moment by the public cache when the app has one: a
 * rush of sign-ups checks its forms without reading the texts each time. Without a cache, none:
 * the forms' texts are read with the form.
 */
export function textsInForceOf(c: Context): (() => Promise<ConsentText[] | undefined>) | undefined {
  const cache = c.get('publicCache')
  if (!cache) return undefined
  const organizationId = c.get('caller').organizationId
  const db = c.get('db')
  return async () => {
    const kept = await cache.consentTexts.find(organizationId, async () => ({
      organizationId,
      texts: await currentConsentTexts(db, organizationId),
    }))
    return kept?.texts
  }
}
