import { type Kysely, sql } from 'kysely'
import type PgBoss from 'pg-boss'
import type { Database } from '../db/types.js'
import { jobSchema } from './connection.js'

/** The columns of pg-boss's `job` table that its fetch changes. */
interface FetchedJobTable {
  id: string
  name: string
  state: string
  retry_count: number
  started_on: Date | null
}

/**
 * Puts fetched jobs that never started back in their queue, as if they had not been fetched, so
 * that they run at once (here or in another process) with all their attempts left. pg-boss 10's
 * fetch marks a job `active`, sets `started_on`, and counts one more retry when `started_on` was
 * set already: a job whose count is 0 had never started (`created`), one whose count is above 0
 * was waiting for a retry. Only jobs still `active` are touched. Sent through `connection`, the
 * worker's own, whose statements in flight its stop waits for. Answers how many went back.
 */
export async function handBack(
  db: Kysely<Database>,
  connection: PgBoss.Db,
  name: string,
  ids: string[],
): Promise<number> {
  if (ids.length === 0) return 0
  const boss = (db as unknown as Kysely<{ job: FetchedJobTable }>).withSchema(jobSchema)
  const query = boss
    .updateTable('job')
    .set((eb) => ({
      state: eb.cast(
        eb.case().when('retry_count', '=', 0).then(sql.lit('created')).else(sql.lit('retry')).end(),
        sql.id(jobSchema, 'job_state'),
      ),
      started_on: eb.case().when('retry_count', '=', 0).then(null).else(eb.ref('started_on')).end(),
      retry_count: eb
        .case()
        .when('retry_count', '=', 0)
        .then(0)
        .else(eb('retry_count', '-', 1))
        .end(),
    }))
    .where('name', '=', name)
    .where('id', 'in', ids)
    .where('state', '=', 'active')
    .returning('id')
    .compile()
  const { rows } = await connection.executeSql(query.sql, [...query.parameters])
  return rows.length
}
