import type { Kysely } from 'kysely'
import type { Database } from '../../db/types.js'
import { notFound } from '../errors.js'
import type { Audience } from '../groups/queries.js'
import { visibleGroupIds } from './visible-groups.js'

export interface InitiativeStats {
  rsvps_going: number
  waitlisted: number
  /** Null when the initiative has no limit. */
  capacity: number | null
  spots_left: number | null
}

/** The live counters of one initiative, for a "12 places left" badge. */
export async function initiativeStats(
  db: Kysely<Database>,
  audience: Audience,
  initiativeId: string,
): Promise<InitiativeStats> {
  const initiative = await db
    .selectFrom('initiatives')
    .select('capacity')
    .where('organization_id', '=', audience.organizationId)
    .where('id', '=', initiativeId)
    .$if(!audience.includePrivate, (qb) =>
      qb.where('status', 'in', ['published', 'cancelled']).where('group_id', 'in', visibleGroupIds(db, audience)),
    )
    .executeTakeFirst()
  if (!initiative) throw notFound(`Initiative ${initiativeId}`)
  const counts = await db
    .selectFrom('rsvps')
    .select((eb) => [
      eb.fn.countAll<string>().filterWhere('status', '=', 'going').as('going'),
      eb.fn.countAll<string>().filterWhere('status', '=', 'waitlisted').as('waitlisted'),
    ])
    .where('organization_id', '=', audience.organizationId)
    .where('initiative_id', '=', initiativeId)
    .where('status', 'in', ['going', 'waitlisted'])
    .executeTakeFirstOrThrow()
  const going = Number(counts.going)
  const { capacity } = initiative
  return {
    rsvps_going: going,
    waitlisted: Number(counts.waitlisted),
    capacity,
    spots_left: capacity === null ? null : Math.max(0, capacity - going),
  }
}
