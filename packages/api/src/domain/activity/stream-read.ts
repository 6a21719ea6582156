import { type ExpressionBuilder, type Kysely, type SqlBool, sql } from 'kysely'
import type { Database } from '../../db/types.js'
import { subtreePattern } from '../groups/subtree.js'
import type { ListedActivity } from './list.js'
import type { StreamFilter } from './stream-filter.js'
import { type StreamPosition, streamStart } from './stream-position.js'

/** An activity as the stream carries it: where it stands, and whether it happened under a private group. */
export type StreamedActivity = ListedActivity & { position: StreamPosition; hidden: boolean }

// Every transaction older than the oldest one still running has finished: rows below it are final,
// and whatever commits later can only stand after them.
const settled = sql<boolean>`activity.stream_tx < pg_snapshot_xmin(pg_current_snapshot())`

const after = (position: StreamPosition) =>
  sql<boolean>`(activity.stream_tx, activity.stream_seq) > (${String(position.tx)}::xid8, ${String(position.seq)}::bigint)`
const atMost = (position: StreamPosition) =>
  sql<boolean>`(activity.stream_tx, activity.stream_seq) <= (${String(position.tx)}::xid8, ${String(position.seq)}::bigint)`

// Ids hold `_`, a LIKE wildcard, hence the escape.
function underPrivateGroup(eb: ExpressionBuilder<Database, 'activity'>) {
  return eb.exists(
    eb
      .selectFrom('groups as hidden')
      .select('hidden.id')
      .whereRef('hidden.organization_id', '=', 'activity.organization_id')
      .where('hidden.visibility', '=', 'private')
      .where('activity.group_path', 'like', sql<string>`replace(hidden.path, ${'_'}, ${'\\_'}) || ${'%'}`),
  )
}

function streamRows(db: Kysely<Database>) {
  return db
    .selectFrom('activity')
    .leftJoin('groups', (j) =>
      j.onRef('groups.organization_id', '=', 'activity.organization_id').onRef('groups.id', '=', 'activity.group_id'),
    )
    .selectAll('activity')
    .select((eb) => ['groups.name as group_name', underPrivateGroup(eb).as('hidden')])
}

function withPosition({ hidden, ...row }: ListedActivity & { hidden: SqlBool }): StreamedActivity {
  return { ...row, hidden: Boolean(hidden), position: { tx: BigInt(row.stream_tx), seq: BigInt(row.stream_seq) } }
}

/** The position of the last settled row of every organization: where a new stream reader starts. */
export async function readStreamHead(db: Kysely<Database>): Promise<StreamPosition> {
  const head = await db
    .selectFrom('activity')
    .select(['stream_tx', 'stream_seq'])
    .where(settled)
    .orderBy('stream_tx', 'desc')
    .orderBy('stream_seq', 'desc')
    .limit(1)
    .executeTakeFirst()
  return head ? { tx: BigInt(head.stream_tx), seq: BigInt(head.stream_seq) } : streamStart
}

/** The settled rows of every organization after `position`, in stream order: the shared poll. */
export async function readStreamAfter(
  db: Kysely<Database>,
  position: StreamPosition,
  limit: number,
): Promise<StreamedActivity[]> {
  const rows = await streamRows(db)
    .where(after(position))
    .where(settled)
    .orderBy('activity.stream_tx')
    .orderBy('activity.stream_seq')
    .limit(limit)
    .execute()
  return rows.map(withPosition)
}

/**
 * The newest `limit` rows of one client's filter after `from` and up to `upTo` (a position the
 * shared poll has reached, so everything up to it is settled), oldest first.
 */
export async function readRecentActivity(
  db: Kysely<Database>,
  filter: StreamFilter,
  range: { from?: StreamPosition; upTo: StreamPosition; limit: number },
): Promise<StreamedActivity[]> {
  const rows = await streamRows(db)
    .where('activity.organization_id', '=', filter.organizationId)
    .where(atMost(range.upTo))
    .$if(range.from !== undefined, (qb) => qb.where(after(range.from ?? streamStart)))
    .$if(filter.groupPath !== undefined, (qb) =>
      qb.where('activity.group_path', 'like', subtreePattern(filter.groupPath ?? '')),
    )
    .$if(filter.kind !== undefined, (qb) => qb.where('activity.kind', '=', filter.kind ?? ''))
    .$if(!filter.includePrivate, (qb) => qb.where((eb) => eb.not(underPrivateGroup(eb))))
    .orderBy('activity.stream_tx', 'desc')
    .orderBy('activity.stream_seq', 'desc')
    .limit(range.limit)
    .execute()
  return rows.reverse().map(withPosition)
}
