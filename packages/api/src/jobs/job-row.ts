import { type Expression, type RawBuilder, sql } from 'kysely'
import { jobSchema } from './connection.js'

/**
 * The insert of one job into a queue, written as part of a caller's own statement (a CTE), so that
 * a write and the job it causes cost one round trip and commit together even outside a transaction.
 * `data` may refer to the statement's other CTEs (the member just written, say). Idle workers find
 * it at their next poll, or sooner when the API wakes them after the write (`WorkerWake`).
 *
 * The row is the one pg-boss 10's `send(name, data)` writes with no options: the queue's retry,
 * expiry, retention and dead-letter settings, else pg-boss's defaults (`job-row.test.ts` compares
 * both rows column by column, so an upgrade of pg-boss that changes them fails there).
 */
export function jobInsert(name: string, data: Expression<unknown>): RawBuilder<{ id: string }> {
  // Parenthesized, as a CTE's body is (Kysely writes a raw one as it is).
  return sql`(insert into ${sql.table(`${jobSchema}.job`)}
      (name, data, priority, start_after, dead_letter, expire_in, keep_until,
       retry_limit, retry_delay, retry_backoff, policy)
    select queue.name, ${data}, 0, now(), queue.dead_letter,
      coalesce(queue.expire_seconds * interval '1 second', interval '15 minutes'),
      now() + coalesce(queue.retention_minutes * interval '1 minute', interval '14 days'),
      coalesce(queue.retry_limit, 2),
      case when coalesce(queue.retry_backoff, false) then greatest(queue.retry_delay, 1)
           else coalesce(queue.retry_delay, 0) end,
      coalesce(queue.retry_backoff, false),
      queue.policy
    from ${sql.table(`${jobSchema}.queue`)} as queue
    where queue.name = ${name}
    returning id)`
}
