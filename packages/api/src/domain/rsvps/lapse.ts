import { type Kysely, sql } from 'kysely'
import type { Database } from '../../db/types.js'

/**
 * Drops the RSVP requests never confirmed, as the purge of unconfirmed sign-ups does people: those
 * recorded before `cutoff`, those whose link expired (it serves no longer than the initiative takes
 * RSVPs), and those whose initiative was cancelled or is over. The request's details and the
 * initiative it named go, and its link stops working. The confirmation row stays, naming nothing,
 * so that a pending person met on a public form is still found by that purge, and erased whole.
 * Answers how many requests lapsed.
 */
export async function lapseRsvpRequests(
  db: Kysely<Database>,
  organizationId: string,
  cutoff: Date,
  now: Date,
): Promise<number> {
  const result = await db
    .updateTable('confirmations')
    .set({ rsvp_request: null, subject_id: null, expires_at: sql<Date>`least(expires_at, ${now})` })
    .where('organization_id', '=', organizationId)
    .where('rsvp_request', 'is not', null)
    .where('used_at', 'is', null)
    .where((eb) =>
      eb.or([
        eb('expires_at', '<=', now),
        eb('created_at', '<', cutoff),
        eb(
          'subject_id',
          'in',
          eb
            .selectFrom('initiatives')
            .select('initiatives.id')
            .where('initiatives.organization_id', '=', organizationId)
            .where((closed) => closed.or([closed('status', '=', 'cancelled'), closed('ends_at', '<=', now)])),
        ),
      ]),
    )
    .executeTakeFirst()
  return Number(result.numUpdatedRows)
}
