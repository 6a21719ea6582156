import { sql, type Transaction } from 'kysely'
import type { Database, Initiative, MemberSource, Rsvp } from '../../db/types.js'
import { newId } from '../ids.js'
import { emitWebhookEvent } from '../webhooks/emit.js'

export interface PlaceRequest {
  /** The initiative, locked by this transaction (`lockInitiative`): places are handed out one at a time. */
  initiative: Initiative
  memberId: string
  /** A cancelled RSVP of the same member: it is taken up again rather than duplicated. */
  existing: Rsvp | undefined
  admission: 'going' | 'waitlisted'
  source: MemberSource
  now: Date
}

export interface PlaceTaken {
  rsvp: Rsvp
  /** The initiative with its counts moved. */
  initiative: Initiative
}

/**
 * Gives a person a place or a waitlist spot, under the initiative's lock: writes the RSVP, moves
 * the counts and tells the webhooks (`rsvp.created`), all in the caller's transaction.
 */
export async function takePlace(trx: Transaction<Database>, request: PlaceRequest): Promise<PlaceTaken> {
  const { initiative, admission, now } = request
  const rsvp = await writeRsvp(trx, request)
  const counted = await trx
    .updateTable('initiatives')
    .set((eb) =>
      admission === 'going'
        ? { going_count: eb('going_count', '+', 1) }
        : { waitlist_count: eb('waitlist_count', '+', 1) },
    )
    .where('organization_id', '=', initiative.organization_id)
    .where('id', '=', initiative.id)
    .returningAll()
    .executeTakeFirstOrThrow()
  await emitWebhookEvent(
    trx,
    initiative.organization_id,
    'rsvp.created',
    { rsvp_id: rsvp.id, initiative_id: initiative.id, member_id: request.memberId, status: admission },
    now,
  )
  return { rsvp, initiative: counted }
}

async function writeRsvp(trx: Transaction<Database>, request: PlaceRequest): Promise<Rsvp> {
  const { initiative, existing, now } = request
  // The clock at the write, taken under the lock: the queue keeps the order places were given,
  // even between writes of the same millisecond.
  const queued_at = sql<Date>`clock_timestamp()`
  const values = { status: request.admission, source: JSON.stringify(request.source), queued_at, updated_at: now }
  if (existing) {
    return trx
      .updateTable('rsvps')
      .set(values)
      .where('organization_id', '=', existing.organization_id)
      .where('id', '=', existing.id)
      .returningAll()
      .executeTakeFirstOrThrow()
  }
  return trx
    .insertInto('rsvps')
    .values({
      ...values,
      organization_id: initiative.organization_id,
      id: newId('rsv', now),
      initiative_id: initiative.id,
      member_id: request.memberId,
      created_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow()
}
