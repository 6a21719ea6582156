import type { Transaction } from 'kysely'
import type { Database } from '../../db/types.js'

export interface RsvpCounts {
  /** Places taken: going, or marked as attended. */
  going: number
  waitlisted: number
}

/** Counts an initiative's RSVPs from the rows themselves. */
export async function countRsvps(
  trx: Transaction<Database>,
  organizationId: string,
  initiativeId: string,
): Promise<RsvpCounts> {
  const counts = await trx
    .selectFrom('rsvps')
    .select((eb) => [
      eb.fn.countAll<number>().filterWhere('status', 'in', ['going', 'attended']).as('going'),
      eb.fn.countAll<number>().filterWhere('status', '=', 'waitlisted').as('waitlisted'),
    ])
    .where('organization_id', '=', organizationId)
    .where('initiative_id', '=', initiativeId)
    .executeTakeFirstOrThrow()
  return { going: Number(counts.going), waitlisted: Number(counts.waitlisted) }
}

/** A waitlisted RSVP's place in the queue, from 1. */
export async function waitlistPosition(
  trx: Transaction<Database>,
  rsvp: { organization_id: string; initiative_id: string; queued_at: Date; id: string },
): Promise<number> {
  const ahead = await trx
    .selectFrom('rsvps')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('organization_id', '=', rsvp.organization_id)
    .where('initiative_id', '=', rsvp.initiative_id)
    .where('status', '=', 'waitlisted')
    .where((eb) =>
      eb.or([
        eb('queued_at', '<', rsvp.queued_at),
        eb.and([eb('queued_at', '=', rsvp.queued_at), eb('id', '<', rsvp.id)]),
      ]),
    )
    .executeTakeFirstOrThrow()
  return Number(ahead.n) + 1
}
