import { type Kysely, sql } from 'kysely'
import type { Database } from '../../db/types.js'
import type { Quota } from './policies.js'

export interface WindowCount {
  /** Requests counted in the current window, this one included. */
  hits: number
  /** Seconds until the window ends and the count starts again. */
  resetSeconds: number
}

// Expired windows are swept by the request that opens a new one, a bounded batch at a time:
// no job needed, and a busy server sweeps as fast as it creates rows.
const sweepBatch = 500

/**
 * Counts one request in `bucket`'s current fixed window and answers the count so far: a single
 * UPSERT, so every process sharing the database counts against the same quota. Windows follow the
 * database's clock, not each process's.
 */
export async function countRequest(db: Kysely<Database>, bucket: string, quota: Quota): Promise<WindowCount> {
  const seconds = sql`${quota.windowSeconds}::integer`
  const windowIndex = sql`floor(extract(epoch from now()) / ${seconds})`
  const row = await db
    .insertInto('rate_limit_counters')
    .values({
      bucket,
      window_start: sql<Date>`to_timestamp(${windowIndex} * ${seconds})`,
      hits: 1,
      expires_at: sql<Date>`to_timestamp((${windowIndex} + 1) * ${seconds})`,
    })
    .onConflict((conflict) =>
      conflict
        .columns(['bucket', 'window_start'])
        .doUpdateSet((eb) => ({ hits: eb('rate_limit_counters.hits', '+', 1) })),
    )
    .returning(['hits', sql<number>`ceil(extract(epoch from expires_at - now()))::integer`.as('reset_seconds')])
    .executeTakeFirstOrThrow()
  if (row.hits === 1) await sweepExpiredCounters(db)
  return { hits: row.hits, resetSeconds: Math.max(1, row.reset_seconds) }
}

/** Deletes a bounded batch of counters whose window is over. */
export async function sweepExpiredCounters(db: Kysely<Database>): Promise<void> {
  await db
    .deleteFrom('rate_limit_counters')
    .where(({ eb, refTuple, selectFrom }) =>
      eb(
        refTuple('bucket', 'window_start'),
        'in',
        selectFrom('rate_limit_counters')
          .select(['bucket', 'window_start'])
          .where('expires_at', '<', sql<Date>`now()`)
          .limit(sweepBatch)
          // Two processes sweeping at once take different rows instead of waiting for each other.
          .forUpdate()
          .skipLocked()
          .$asTuple('bucket', 'window_start'),
      ),
    )
    .execute()
}
