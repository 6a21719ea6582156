import { type Kysely, sql } from 'kysely'
import type { Activity, Database } from '../../db/types.js'
import { DomainError } from '../errors.js'
import { type Audience, getGroup } from '../groups/queries.js'
import { subtreePattern } from '../groups/subtree.js'
import { decodeCursor, type Page, toPage } from '../pagination.js'

export interface ActivityFilter {
  /** A group: its activity and that of its descendants. */
  group?: string
  kind?: string
  limit: number
  cursor?: string
}

export type ListedActivity = Activity & { group_name: string | null }

// Microseconds, in UTC whatever the session's time zone: the key must compare exactly as stored.
const cursorFormat = 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'

/**
 * The organization's public story, newest first. The cursor holds `occurred_at` to the microsecond,
 * as the database stores it: JavaScript dates drop microseconds, and a truncated key would skip rows.
 */
export async function listActivity(
  db: Kysely<Database>,
  audience: Audience,
  filter: ActivityFilter,
): Promise<Page<ListedActivity>> {
  const group = filter.group ? await getGroup(db, audience, filter.group) : undefined
  let query = db
    .selectFrom('activity')
    .leftJoin('groups', (j) =>
      j.onRef('groups.organization_id', '=', 'activity.organization_id').onRef('groups.id', '=', 'activity.group_id'),
    )
    .selectAll('activity')
    .select([
      'groups.name as group_name',
      sql<string>`to_char(activity.occurred_at at time zone 'UTC', ${cursorFormat})`.as('occurred_key'),
    ])
    .where('activity.organization_id', '=', audience.organizationId)
    .$if(group !== undefined, (qb) => qb.where('activity.group_path', 'like', subtreePattern(group?.path ?? '')))
    .$if(filter.kind !== undefined, (qb) => qb.where('activity.kind', '=', filter.kind ?? ''))
    // What happened under a private group stays with secret keys: the public must not learn it exists.
    // Ids hold `_`, a LIKE wildcard, hence the escape.
    .$if(!audience.includePrivate, (qb) =>
      qb.where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('groups as hidden')
              .select('hidden.id')
              .whereRef('hidden.organization_id', '=', 'activity.organization_id')
              .where('hidden.visibility', '=', 'private')
              .where('activity.group_path', 'like', sql<string>`replace(hidden.path, ${'_'}, ${'\\_'}) || ${'%'}`),
          ),
        ),
      ),
    )
  if (filter.cursor) {
    const [at, id] = decodeActivityCursor(filter.cursor)
    const after = sql<Date>`cast(${at} as timestamptz)`
    query = query.where((eb) =>
      eb.or([
        eb('activity.occurred_at', '<', after),
        eb.and([eb('activity.occurred_at', '=', after), eb('activity.id', '<', id)]),
      ]),
    )
  }
  const rows = await query
    .orderBy('activity.occurred_at', 'desc')
    .orderBy('activity.id', 'desc')
    .limit(filter.limit + 1)
    .execute()
  return toPage(
    rows,
    filter.limit,
    (row) => [row.occurred_key, row.id],
    ({ occurred_key, ...row }) => row,
  )
}

const cursorTimestamp = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/

function decodeActivityCursor(cursor: string): [string, string] {
  const [at, id] = decodeCursor(cursor, 2)
  if (typeof at === 'string' && cursorTimestamp.test(at) && typeof id === 'string') return [at, id]
  throw new DomainError('invalid', 'The cursor is not one this API gave out.', [
    { path: 'cursor', message: 'Pass the next_cursor of the previous page unchanged.' },
  ])
}
