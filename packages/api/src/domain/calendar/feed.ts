import type { Kysely } from 'kysely'
import type { Database } from '../../db/types.js'
import { DomainError } from '../errors.js'
import type { Audience } from '../groups/queries.js'
import { subtreeIds } from '../groups/subtree.js'
import { earliestStartRunningAt } from '../initiatives/schedule.js'
import { type InitiativeView, initiativeViews, publicGroupIds } from '../initiatives/visibility.js'

/** A calendar feed holds at most this many events: the nearest ones. */
export const feedLimit = 500

export interface GroupFeed {
  groupName: string
  initiatives: InitiativeView[]
}

/**
 * What a group's calendar feed holds: the initiatives of its subtree that are not over yet, in
 * start order, cancelled ones included so that subscribed calendars learn of the cancellation.
 * Only what the public saw goes into a feed, whoever asks: feeds are shared and subscribed to.
 */
export async function groupFeed(
  db: Kysely<Database>,
  audience: Audience,
  groupId: string,
  now = new Date(),
): Promise<GroupFeed> {
  const group = await db
    .selectFrom('groups')
    .select(['id', 'name', 'path'])
    .where('organization_id', '=', audience.organizationId)
    .where('id', '=', groupId)
    .$if(!audience.includePrivate, (qb) => qb.where('id', 'in', publicGroupIds(db, audience.organizationId)))
    .executeTakeFirst()
  if (!group) throw new DomainError('not_found', `Group ${groupId} was not found.`)
  const initiatives = await initiativeViews(db, audience)
    .where('initiatives.group_id', 'in', subtreeIds(db, audience.organizationId, group.path))
    .where((eb) =>
      eb.or([
        eb('initiatives.status', '=', 'published'),
        eb.and([eb('initiatives.status', '=', 'cancelled'), eb('initiatives.published_at', 'is not', null)]),
      ]),
    )
    .where('initiatives.ends_at', '>=', now)
    .where('initiatives.starts_at', '>=', earliestStartRunningAt(now))
    .orderBy('initiatives.starts_at')
    .orderBy('initiatives.id')
    .limit(feedLimit)
    .execute()
  return { groupName: group.name, initiatives }
}
