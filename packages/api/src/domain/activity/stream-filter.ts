import type { Kysely } from 'kysely'
import type { Database } from '../../db/types.js'
import { type Audience, getGroup } from '../groups/queries.js'
import type { StreamedActivity } from './stream-read.js'

/** Which activity one stream client receives: the same rules in the database and in memory. */
export interface StreamFilter {
  organizationId: string
  /** Secret keys also see what happens under private groups. */
  includePrivate: boolean
  /** A group's materialized path: that group and its descendants. */
  groupPath?: string
  kind?: string
}

/** Resolves the client's filter; a group the caller may not see answers 404, as in the list. */
export async function streamFilter(
  db: Kysely<Database>,
  audience: Audience,
  { group, kind }: { group?: string; kind?: string },
): Promise<StreamFilter> {
  const groupPath = group ? (await getGroup(db, audience, group)).path : undefined
  return { organizationId: audience.organizationId, includePrivate: audience.includePrivate, groupPath, kind }
}

export function matchesStream(filter: StreamFilter, activity: StreamedActivity): boolean {
  return (
    activity.organization_id === filter.organizationId &&
    (filter.includePrivate || !activity.hidden) &&
    (filter.groupPath === undefined || (activity.group_path?.startsWith(filter.groupPath) ?? false)) &&
    (filter.kind === undefined || activity.kind === filter.kind)
  )
}
