import type { Transaction } from 'kysely'
import PgBoss from 'pg-boss'
import type { Database } from '../db/types.js'
import { jobSchema, throughKysely } from './connection.js'

/** A NOTIFY on this channel wakes idle workers at once instead of at their next poll (see `WorkerWake`). */
export const jobsChannel = 'relais_jobs'

export interface EnqueueOptions {
  /** Not before this time. */
  startAfter?: Date
  /** At most one job with this key waits in the queue at a time: a second one is not added. */
  singletonKey?: string
}

// pg-boss writes the job row; it runs no statement of its own until started, and this one never is.
const sender = new PgBoss({
  schema: jobSchema,
  db: {
    executeSql: () => Promise.reject(new Error('Enqueue jobs with a transaction: enqueue(trx, …).')),
  },
})

/**
 * Adds a job in the caller's transaction: it exists if and only if the writes that caused it
 * commit, and no worker sees it before. Give ids in the payload rather than personal data, which
 * the handler reads when it runs (a person erased meanwhile is then not written to). Returns the
 * job's id, or null when a `singletonKey` job already waits. Idle workers find it at their next
 * poll, or sooner when the API wakes them after the write (`WorkerWake`).
 */
export async function enqueue(
  trx: Transaction<Database>,
  name: string,
  payload: object,
  options: EnqueueOptions = {},
): Promise<string | null> {
  return sender.send(name, payload, { ...options, db: throughKysely(trx) })
}
