import { type Kysely, sql } from 'kysely'
import type { Database, Group } from '../../db/types.js'
import { subtreeIds } from './subtree.js'

export interface GroupCounts {
  members: number
  subgroups: number
  upcoming_initiatives: number
}

/** Counts over the group's whole subtree: what a section page or a counter shows. */
export async function countGroup(db: Kysely<Database>, group: Group, now = new Date()): Promise<GroupCounts> {
  const ids = subtreeIds(db, group.organization_id, group.path)
  const [members, subgroups, initiatives] = await Promise.all([
    db
      .selectFrom('memberships')
      .innerJoin('members', (j) =>
        j
          .onRef('members.organization_id', '=', 'memberships.organization_id')
          .onRef('members.id', '=', 'memberships.member_id'),
      )
      .select(sql<number>`count(distinct memberships.member_id)`.as('n'))
      .where('memberships.organization_id', '=', group.organization_id)
      .where('memberships.group_id', 'in', ids)
      .where('members.status', '=', 'active')
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('groups')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('organization_id', '=', group.organization_id)
      .where('id', 'in', ids)
      .where('id', '!=', group.id)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('initiatives')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('organization_id', '=', group.organization_id)
      .where('group_id', 'in', ids)
      .where('status', '=', 'published')
      .where('starts_at', '>=', now)
      .executeTakeFirstOrThrow(),
  ])
  return { members: Number(members.n), subgroups: Number(subgroups.n), upcoming_initiatives: Number(initiatives.n) }
}
