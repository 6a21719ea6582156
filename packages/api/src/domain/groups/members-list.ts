import { type Kysely, sql } from 'kysely'
import type { Database, MemberStatus, MembershipRole } from '../../db/types.js'
import { DomainError } from '../errors.js'
import { decodeCursor, type Page, toPage } from '../pagination.js'
import { getGroup } from './queries.js'
import { subtreeIds } from './subtree.js'

/** A person in a group, with their role there. */
export interface GroupMember {
  member_id: string
  given_name: string | null
  family_name: string | null
  email: string | null
  status: MemberStatus
  role: MembershipRole
  joined_at: Date
}

export interface GroupMemberFilter {
  role?: MembershipRole
  /** Also the members of every subgroup, each person once, with their highest role in the subtree. */
  includeSubgroups: boolean
  limit: number
  cursor?: string
}

// Timestamps keep microseconds in the database but milliseconds in JavaScript: the order and the
// cursor use the millisecond value on both sides, so a page boundary never repeats or skips a row.
const joinedAt = sql<Date>`date_trunc('milliseconds', min(memberships.created_at))`
const role = sql<MembershipRole>`case when bool_or(memberships.role = 'organizer') then 'organizer' else 'member' end`

/** The members of a group (erased people excepted), by the time they joined, then by id. */
export async function listGroupMembers(
  db: Kysely<Database>,
  organizationId: string,
  groupId: string,
  filter: GroupMemberFilter,
): Promise<Page<GroupMember>> {
  const group = await getGroup(db, { organizationId, includePrivate: true }, groupId)
  const after = filter.cursor ? afterKey(filter.cursor) : undefined
  const rows = await db
    .selectFrom('memberships')
    .innerJoin('members', (j) =>
      j
        .onRef('members.organization_id', '=', 'memberships.organization_id')
        .onRef('members.id', '=', 'memberships.member_id'),
    )
    .select([
      'members.id as member_id',
      'members.given_name',
      'members.family_name',
      'members.email',
      'members.status',
      role.as('role'),
      joinedAt.as('joined_at'),
    ])
    .where('memberships.organization_id', '=', organizationId)
    .$if(!filter.includeSubgroups, (qb) => qb.where('memberships.group_id', '=', group.id))
    .$if(filter.includeSubgroups, (qb) =>
      qb.where('memberships.group_id', 'in', subtreeIds(db, organizationId, group.path)),
    )
    .where('members.status', '!=', 'erased')
    .$if(filter.role !== undefined, (qb) => qb.where('memberships.role', '=', filter.role ?? 'member'))
    // Members' primary key: their other columns follow from it.
    .groupBy(['members.organization_id', 'members.id'])
    .$if(after !== undefined, (qb) =>
      qb.having((eb) =>
        eb.or([
          eb(joinedAt, '>', after?.joinedAt ?? new Date(0)),
          eb.and([eb(joinedAt, '=', after?.joinedAt ?? new Date(0)), eb('members.id', '>', after?.memberId ?? '')]),
        ]),
      ),
    )
    .orderBy(joinedAt)
    .orderBy('members.id')
    .limit(filter.limit + 1)
    .execute()
  return toPage(
    rows,
    filter.limit,
    (m) => [m.joined_at.toISOString(), m.member_id],
    (m) => m,
  )
}

function afterKey(cursor: string): { joinedAt: Date; memberId: string } {
  const [at, memberId] = decodeCursor(cursor, 2)
  const joined = new Date(String(at))
  // Our cursors hold ordinary dates; years PostgreSQL cannot store would otherwise become a 500.
  const year = joined.getUTCFullYear()
  if (typeof at !== 'string' || Number.isNaN(year) || year < 1970 || year > 9999 || typeof memberId !== 'string') {
    throw new DomainError('invalid', 'The cursor is not one this API gave out.', [
      { path: 'cursor', message: 'Pass the next_cursor of the previous page unchanged.' },
    ])
  }
  return { joinedAt: joined, memberId }
}
