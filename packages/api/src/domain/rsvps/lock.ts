import type { Transaction } from 'kysely'
import type { Database, Initiative } from '../../db/types.js'

/**
 * Locks an initiative's row for the rest of the transaction. Every change to its RSVPs takes this
 * lock first, so that places are counted and handed out one writer at a time, and in one order
 * (initiative, then RSVPs), which keeps writers from deadlocking.
 */
export async function lockInitiative(
  trx: Transaction<Database>,
  organizationId: string,
  initiativeId: string,
): Promise<Initiative | undefined> {
  return trx
    .selectFrom('initiatives')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('id', '=', initiativeId)
    .forUpdate()
    .executeTakeFirst()
}
