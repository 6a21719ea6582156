import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../../db/types.js'
import { DomainError } from '../errors.js'
import { sha256Hex } from '../hashing.js'
import { normalizeEmail } from './email.js'

type Db = Kysely<Database> | Transaction<Database>

/** How an address is kept on the suppression list: hashed, so the list itself names nobody. */
export function suppressionHash(email: string): string {
  return sha256Hex(normalizeEmail(email))
}

/** Remembers that this address's owner asked to be erased. */
export async function suppressEmail(db: Db, organizationId: string, email: string, now: Date): Promise<void> {
  await db
    .insertInto('suppressions')
    .values({ organization_id: organizationId, email_hash: suppressionHash(email), reason: 'erasure', created_at: now })
    .onConflict((oc) => oc.columns(['organization_id', 'email_hash']).doNothing())
    .execute()
}

/** Refuses an address whose owner was erased: an organizer's import must not bring them back. */
export async function refuseSuppressed(db: Db, organizationId: string, email: string): Promise<void> {
  const suppressed = await db
    .selectFrom('suppressions')
    .select('email_hash')
    .where('organization_id', '=', organizationId)
    .where('email_hash', '=', suppressionHash(email))
    .executeTakeFirst()
  if (suppressed) {
    throw new DomainError(
      'conflict',
      'The owner of this e-mail address asked for their data to be erased: it cannot be added again from ' +
        'your systems. Only the person themselves can sign up again.',
      [{ path: 'email', message: 'This address was erased at its owner’s request.' }],
    )
  }
}
