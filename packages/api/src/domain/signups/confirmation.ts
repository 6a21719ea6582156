import type { Kysely } from 'kysely'
import type { Database } from '../../db/types.js'
import { sha256Hex } from '../hashing.js'

export interface PendingConfirmation {
  organizationName: string
  purpose: 'signup' | 'rsvp'
}

/**
 * What a still-usable token would confirm, without using it: the page an e-mail link opens must
 * survive the GETs of mail scanners and previews, so only its form's POST confirms.
 */
export async function findPendingConfirmation(
  db: Kysely<Database>,
  token: string,
  now = new Date(),
): Promise<PendingConfirmation | undefined> {
  const row = await db
    .selectFrom('confirmations')
    .innerJoin('organizations', 'organizations.id', 'confirmations.organization_id')
    .select(['organizations.name', 'confirmations.purpose'])
    .where('confirmations.token_hash', '=', sha256Hex(token))
    .where('confirmations.used_at', 'is', null)
    .where('confirmations.expires_at', '>', now)
    .executeTakeFirst()
  return row && { organizationName: row.name, purpose: row.purpose }
}
