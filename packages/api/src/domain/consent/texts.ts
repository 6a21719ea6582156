import type { Kysely } from 'kysely'
import type { ConsentText, Database } from '../../db/types.js'
import { DomainError } from '../errors.js'
import type { ConsentPurpose } from './purposes.js'

/** The consent texts currently shown, per purpose and language (the newest unretired version). */
export async function currentConsentTexts(
  db: Kysely<Database>,
  organizationId: string,
  filter: { purpose?: ConsentPurpose; language?: string } = {},
): Promise<ConsentText[]> {
  const rows = await db
    .selectFrom('consent_texts')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('retired_at', 'is', null)
    .$if(filter.purpose !== undefined, (qb) => qb.where('purpose', '=', filter.purpose ?? 'membership'))
    .$if(filter.language !== undefined, (qb) => qb.where('language', '=', filter.language ?? 'fr'))
    .orderBy('purpose')
    .orderBy('language')
    .orderBy('version', 'desc')
    .execute()
  const seen = new Set<string>()
  return rows.filter((row) => {
    const key = `${row.purpose}/${row.language}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

/**
 * The texts a visitor saw, checked: each must exist, be current and serve the purpose claimed.
 * A stale or foreign text version is refused so the ledger never records a text nobody showed.
 * Given the current texts (read recently), texts found among them need no reading; any other
 * is read, to say exactly what is wrong with it.
 */
export async function resolveConsentTexts(
  db: Kysely<Database>,
  organizationId: string,
  consents: { purpose: ConsentPurpose; text_id: string }[],
  inForce?: ConsentText[],
): Promise<ConsentText[]> {
  if (consents.length === 0) return []
  const known = inForce && consents.map((c) => inForce.find((t) => t.id === c.text_id && t.purpose === c.purpose))
  if (known?.every((text) => text !== undefined)) return known as ConsentText[]
  const rows = await db
    .selectFrom('consent_texts')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where(
      'id',
      'in',
      consents.map((c) => c.text_id),
    )
    .execute()
  return consents.map((consent, index) => {
    const text = rows.find((row) => row.id === consent.text_id)
    if (!text || text.purpose !== consent.purpose) {
      throw new DomainError('invalid', 'A consent refers to a text that does not exist for this purpose.', [
        { path: `consents.${index}.text_id`, message: 'Show the current consent text and send its id.' },
      ])
    }
    if (text.retired_at) {
      throw new DomainError('invalid', 'This consent text was replaced by a newer version.', [
        { path: `consents.${index}.text_id`, message: 'Reload the form to show the current consent text.' },
      ])
    }
    return text
  })
}
