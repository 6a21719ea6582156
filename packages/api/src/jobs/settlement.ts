import type { Kysely } from 'kysely'
import type PgBoss from 'pg-boss'
import type { Database } from '../db/types.js'
import type { Settlement } from './batch.js'
import { handBack } from './hand-back.js'

export interface SettlementOptions {
  db: Kysely<Database>
  /** The worker's connection, the one pg-boss uses. */
  connection: PgBoss.Db
  boss: PgBoss
  log(line: string): void
}

/**
 * The settlement of the jobs of one queue in pg-boss's table: each job by its own id, so that one
 * job's end never touches another. pg-boss 10's `complete` only changes a job still `active`, and
 * its `fail` counts the attempt, then schedules the retry with backoff or keeps the job as failed.
 * A statement that fails leaves the job `active`: its expiry makes it run again later.
 */
export function settlementOf(name: string, { db, connection, boss, log }: SettlementOptions): Settlement {
  const report = (error: unknown) => log(`jobs: ${name}: ${error instanceof Error ? error.message : String(error)}`)
  const fail = (job: PgBoss.Job, error: unknown) =>
    boss.fail(name, job.id, failureOutput(error)).then(() => undefined, report)
  return {
    complete: (job) => boss.complete(name, job.id).then(() => undefined, report),
    fail,
    expire(job) {
      const message = `still running ${Number(job.expireInSeconds)} s after its fetch, the expiry of its queue`
      log(`jobs: ${name} ${job.id} ${message}: counted as failed`)
      return fail(job, new Error(message))
    },
    async handBack(jobs, reason) {
      try {
        const returned = await handBack(
          db,
          connection,
          name,
          jobs.map((job) => job.id),
        )
        if (returned > 0) log(`jobs: ${name}: ${returned} fetched job(s) put back in the queue unstarted (${reason})`)
      } catch (error) {
        report(error)
      }
    },
  }
}

// As pg-boss's own `work` records a failure: the error serialized (message, stack), another value
// as `{ value }`.
function failureOutput(error: unknown): object {
  return typeof error === 'object' && error !== null ? error : { value: error }
}
