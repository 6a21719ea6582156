import { type Kysely, sql } from 'kysely'
import type { Database, Initiative, Rsvp, RsvpStatus } from '../../db/types.js'
import { type AuditActor, recordAudit } from '../audit/record.js'
import { DomainError, notFound } from '../errors.js'
import { lockInitiative } from './lock.js'
import { fullError } from './open.js'
import { releaseSpot } from './release.js'

// Which status an organizer may set from which: attendance is only for people who had a place,
// and a place is only given while one is free (raise the capacity to make room).
const allowed: Record<RsvpStatus, RsvpStatus[]> = {
  going: ['attended', 'cancelled'],
  attended: ['going'],
  waitlisted: ['going', 'cancelled'],
  cancelled: ['going', 'waitlisted'],
}

export interface RsvpChange {
  rsvp: Rsvp
  /** RSVPs the change moved from the waitlist to going. */
  promoted: string[]
}

/**
 * An organizer changes an RSVP. Under the initiative's lock, the counts are recomputed from the
 * rows and a freed place goes to the first of the waitlist, in the same transaction.
 */
export async function changeRsvpStatus(
  db: Kysely<Database>,
  organizationId: string,
  rsvpId: string,
  status: RsvpStatus,
  now = new Date(),
  /** Who changes it, for the audit log, in the change's transaction. */
  audit?: AuditActor,
): Promise<RsvpChange> {
  return db.transaction().execute(async (trx) => {
    const found = await findRsvp(trx, organizationId, rsvpId)
    const initiative = await lockInitiative(trx, organizationId, found.initiative_id)
    // Read again under the lock: another writer may have changed it meanwhile.
    const rsvp = await findRsvp(trx, organizationId, rsvpId)
    if (!initiative || rsvp.status === status) return { rsvp, promoted: [] }
    checkTransition(rsvp, status, initiative)
    await trx
      .updateTable('rsvps')
      .set({
        status,
        updated_at: now,
        ...(status === 'going' || status === 'waitlisted' ? { queued_at: sql<Date>`clock_timestamp()` } : {}),
      })
      .where('organization_id', '=', organizationId)
      .where('id', '=', rsvpId)
      .execute()
    const { promoted } = await releaseSpot(trx, organizationId, initiative.id, now)
    if (audit) {
      const details = { from: rsvp.status, to: status, initiative_id: initiative.id, promoted: promoted.length }
      await recordAudit(trx, audit, { action: 'rsvp.update', targetType: 'rsvp', targetId: rsvpId, details }, now)
    }
    return { rsvp: await findRsvp(trx, organizationId, rsvpId), promoted }
  })
}

function checkTransition(rsvp: Rsvp, status: RsvpStatus, initiative: Initiative): void {
  if (!allowed[rsvp.status].includes(status)) {
    const why =
      status === 'attended'
        ? 'Only people who are going can be marked as attended.'
        : `An RSVP cannot go from ${rsvp.status} to ${status}.`
    throw new DomainError('conflict', why, [{ path: 'status', message: why }])
  }
  const takesPlace = status === 'going' && rsvp.status !== 'attended'
  if (takesPlace && initiative.capacity !== null && initiative.going_count >= initiative.capacity) throw fullError()
  if (status === 'waitlisted' && !initiative.waitlist_enabled) {
    throw new DomainError('conflict', 'This initiative has no waitlist.', [
      { path: 'status', message: 'Enable the waitlist of the initiative first.' },
    ])
  }
}

async function findRsvp(db: Kysely<Database>, organizationId: string, rsvpId: string): Promise<Rsvp> {
  const rsvp = await db
    .selectFrom('rsvps')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('id', '=', rsvpId)
    .executeTakeFirst()
  if (!rsvp) throw notFound(`RSVP ${rsvpId}`)
  return rsvp
}
