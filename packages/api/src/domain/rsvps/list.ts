import type { Kysely } from 'kysely'
import type { Database, MemberStatus, Rsvp, RsvpStatus } from '../../db/types.js'
import { notFound } from '../errors.js'
import { decodeTimestampCursor, keyTimestamp, timestampKey } from '../initiatives/keys.js'
import { type Page, toPage } from '../pagination.js'

export interface RsvpFilter {
  status?: RsvpStatus
  limit: number
  cursor?: string
}

/** An RSVP with the person behind it, for the organizers' list. */
export type ListedRsvp = Rsvp & {
  given_name: string | null
  family_name: string | null
  email: string | null
  member_status: MemberStatus
}

/** The RSVPs of an initiative in the order they came, then by id. */
export async function listRsvps(
  db: Kysely<Database>,
  organizationId: string,
  initiativeId: string,
  filter: RsvpFilter,
): Promise<Page<ListedRsvp>> {
  const initiative = await db
    .selectFrom('initiatives')
    .select('id')
    .where('organization_id', '=', organizationId)
    .where('id', '=', initiativeId)
    .executeTakeFirst()
  if (!initiative) throw notFound(`Initiative ${initiativeId}`)
  const after = filter.cursor ? decodeTimestampCursor(filter.cursor) : undefined
  const rows = await listedRsvps(db, organizationId)
    .select(timestampKey('rsvps.created_at').as('created_key'))
    .where('rsvps.initiative_id', '=', initiativeId)
    .$if(filter.status !== undefined, (qb) => qb.where('rsvps.status', '=', filter.status ?? 'going'))
    .$if(after !== undefined, (qb) =>
      qb.where((eb) => {
        const at = keyTimestamp(after?.at ?? '')
        return eb.or([
          eb('rsvps.created_at', '>', at),
          eb.and([eb('rsvps.created_at', '=', at), eb('rsvps.id', '>', after?.id ?? '')]),
        ])
      }),
    )
    .orderBy('rsvps.created_at')
    .orderBy('rsvps.id')
    .limit(filter.limit + 1)
    .execute()
  return toPage(
    rows,
    filter.limit,
    (row) => [row.created_key, row.id],
    ({ created_key, ...rsvp }) => rsvp,
  )
}

/** One RSVP with the person behind it. */
export async function getRsvp(db: Kysely<Database>, organizationId: string, rsvpId: string): Promise<ListedRsvp> {
  const rsvp = await listedRsvps(db, organizationId).where('rsvps.id', '=', rsvpId).executeTakeFirst()
  if (!rsvp) throw notFound(`RSVP ${rsvpId}`)
  return rsvp
}

function listedRsvps(db: Kysely<Database>, organizationId: string) {
  return db
    .selectFrom('rsvps')
    .innerJoin('members', (join) =>
      join.onRef('members.organization_id', '=', 'rsvps.organization_id').onRef('members.id', '=', 'rsvps.member_id'),
    )
    .selectAll('rsvps')
    .select(['members.given_name', 'members.family_name', 'members.email', 'members.status as member_status'])
    .where('rsvps.organization_id', '=', organizationId)
}
