import type { Kysely } from 'kysely'
import type { ConsentText, Database } from '../../db/types.js'
import { notFound } from '../errors.js'
import { decodeCursor, type Page, toPage } from '../pagination.js'
import type { ConsentPurpose } from './purposes.js'

/** One version of a consent text, current or retired: what a person agreed to, verbatim. */
export async function getConsentText(db: Kysely<Database>, organizationId: string, id: string): Promise<ConsentText> {
  const text = await db
    .selectFrom('consent_texts')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .executeTakeFirst()
  if (!text) throw notFound(`Consent text ${id}`)
  return text
}

/** Every version of the organization's consent texts, retired ones included, oldest first. */
export async function listConsentTextVersions(
  db: Kysely<Database>,
  organizationId: string,
  filter: { purpose?: ConsentPurpose; language?: string; limit: number; cursor?: string },
): Promise<Page<ConsentText>> {
  const after = filter.cursor ? String(decodeCursor(filter.cursor, 1)[0]) : undefined
  const rows = await db
    .selectFrom('consent_texts')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .$if(filter.purpose !== undefined, (qb) => qb.where('purpose', '=', filter.purpose ?? 'membership'))
    .$if(filter.language !== undefined, (qb) => qb.where('language', '=', filter.language ?? 'fr'))
    .$if(after !== undefined, (qb) => qb.where('id', '>', after ?? ''))
    .orderBy('id')
    .limit(filter.limit + 1)
    .execute()
  return toPage(
    rows,
    filter.limit,
    (text) => [text.id],
    (text) => text,
  )
}
