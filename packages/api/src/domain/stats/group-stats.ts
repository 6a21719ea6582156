import { type Kysely, sql } from 'kysely'
import type { Database } from '../../db/types.js'
import { type Audience, getGroup } from '../groups/queries.js'
import { visibleGroupIds } from './visible-groups.js'

export interface GroupStats {
  members_active: number
  initiatives_upcoming: number
  initiatives_past: number
  rsvps_going: number
  groups: number
}

/**
 * The public counters of a group's subtree, or of the whole organization without a group. Each is
 * one indexed count; none names anybody.
 */
export async function groupStats(
  db: Kysely<Database>,
  audience: Audience,
  groupId?: string,
  now = new Date(),
): Promise<GroupStats> {
  const organizationId = audience.organizationId
  const group = groupId ? await getGroup(db, audience, groupId) : undefined
  const ids = visibleGroupIds(db, audience, group?.path)
  const published = db
    .selectFrom('initiatives')
    .where('initiatives.organization_id', '=', organizationId)
    .where('initiatives.group_id', 'in', ids)
    .where('initiatives.status', '=', 'published')
  const [members, upcoming, past, going, groups] = await Promise.all([
    group ? countGroupMembers(db, organizationId, ids) : countActiveMembers(db, organizationId),
    published
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('initiatives.starts_at', '>=', now)
      .executeTakeFirstOrThrow(),
    published
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('initiatives.starts_at', '<', now)
      .executeTakeFirstOrThrow(),
    published
      .innerJoin('rsvps', (j) =>
        j
          .onRef('rsvps.organization_id', '=', 'initiatives.organization_id')
          .onRef('rsvps.initiative_id', '=', 'initiatives.id'),
      )
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('initiatives.starts_at', '>=', now)
      .where('rsvps.status', '=', 'going')
      .executeTakeFirstOrThrow(),
    db
      .selectFrom(ids.as('visible'))
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow(),
  ])
  return {
    members_active: members,
    initiatives_upcoming: Number(upcoming.n),
    initiatives_past: Number(past.n),
    rsvps_going: Number(going.n),
    groups: Number(groups.n),
  }
}

// The organization's members include those in no group yet: count them all.
async function countActiveMembers(db: Kysely<Database>, organizationId: string): Promise<number> {
  const row = await db
    .selectFrom('members')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('organization_id', '=', organizationId)
    .where('status', '=', 'active')
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

async function countGroupMembers(
  db: Kysely<Database>,
  organizationId: string,
  ids: ReturnType<typeof visibleGroupIds>,
): Promise<number> {
  const row = await db
    .selectFrom('memberships')
    .innerJoin('members', (j) =>
      j
        .onRef('members.organization_id', '=', 'memberships.organization_id')
        .onRef('members.id', '=', 'memberships.member_id'),
    )
    .select(sql<string>`count(distinct memberships.member_id)`.as('n'))
    .where('memberships.organization_id', '=', organizationId)
    .where('memberships.group_id', 'in', ids)
    .where('members.status', '=', 'active')
    .executeTakeFirstOrThrow()
  return Number(row.n)
}
