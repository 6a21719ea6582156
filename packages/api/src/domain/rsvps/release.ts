import { sql, type Transaction } from 'kysely'
import type { Database, Initiative } from '../../db/types.js'
import { countRsvps } from './counts.js'
import { lockInitiative } from './lock.js'

export interface Release {
  /** The RSVPs moved from the waitlist to going, first in the queue first. */
  promoted: string[]
  initiative: Initiative | undefined
}

/**
 * Settles an initiative's places after its RSVPs or its capacity changed: recounts the RSVPs from
 * their rows, hands every free place to the waitlist in queue order (`queued_at`, then id) while
 * the initiative is published and not over, and stores the exact counts. Call it in the same
 * transaction as the change (a cancellation, an erasure, a raised capacity): it locks the initiative
 * row itself, and changing RSVPs only after that lock keeps concurrent writers from deadlocking.
 *
 * @example
 * await db.transaction().execute(async (trx) => {
 *   await lockInitiative(trx, orgId, initiativeId)
 *   await trx.updateTable('rsvps').set({ status: 'cancelled' }).where(...).execute()
 *   await releaseSpot(trx, orgId, initiativeId)
 * })
 */
export async function releaseSpot(
  trx: Transaction<Database>,
  organizationId: string,
  initiativeId: string,
  now = new Date(),
): Promise<Release> {
  const initiative = await lockInitiative(trx, organizationId, initiativeId)
  if (!initiative) return { promoted: [], initiative }
  const counts = await countRsvps(trx, organizationId, initiativeId)
  const free = initiative.capacity === null ? counts.waitlisted : Math.max(0, initiative.capacity - counts.going)
  const open = initiative.status === 'published' && initiative.ends_at.getTime() > now.getTime()
  let promoted: string[] = []
  if (open && free > 0 && counts.waitlisted > 0) {
    const next = await trx
      .selectFrom('rsvps')
      .select('id')
      .where('organization_id', '=', organizationId)
      .where('initiative_id', '=', initiativeId)
      .where('status', '=', 'waitlisted')
      .orderBy('queued_at')
      .orderBy('id')
      .limit(free)
      .execute()
    promoted = next.map((row) => row.id)
    await trx
      .updateTable('rsvps')
      .set({ status: 'going', queued_at: sql<Date>`clock_timestamp()`, updated_at: now })
      .where('organization_id', '=', organizationId)
      .where('id', 'in', promoted)
      .execute()
  }
  // The counts are not an edit of the initiative: updated_at, its edit version, stays.
  const settled = await trx
    .updateTable('initiatives')
    .set({ going_count: counts.going + promoted.length, waitlist_count: counts.waitlisted - promoted.length })
    .where('organization_id', '=', organizationId)
    .where('id', '=', initiativeId)
    .returningAll()
    .executeTakeFirstOrThrow()
  return { promoted, initiative: settled }
}
