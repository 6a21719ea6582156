import type { Kysely } from 'kysely'
import PgBoss from 'pg-boss'
import type { Listen } from '../db/database.js'
import type { Database } from '../db/types.js'
import { jobSchema, settled, trackedConnection } from './connection.js'
import type { JobContext, JobDefinition } from './context.js'
import { jobDefinitions } from './definitions.js'
import { jobsChannel } from './queue.js'

export interface WorkerOptions {
  db: Kysely<Database>
  context: Omit<JobContext, 'db'>
  /** LISTEN/NOTIFY of the database: a committed job starts at once rather than at the next poll. */
  listen?: Listen
  definitions?: JobDefinition[]
  /** Seconds between polls of each queue (default 2; at least 0.5). */
  pollSeconds?: number
  /** Jobs of each queue this process runs at once, instead of each definition's own. */
  concurrency?: number
  /** How long stopping waits for running jobs, in milliseconds (default 10 s). */
  stopTimeoutMs?: number
}

export interface RunningWorker {
  /** Takes no new job, lets running ones finish (up to the timeout), then lets go of the database. */
  stop(): Promise<void>
}

const timezone = 'Europe/Paris'

/**
 * Runs the jobs of every queue in this process: pg-boss fetches each with `FOR UPDATE SKIP LOCKED`
 * (several workers, in one process or many, never run a job twice), retries a failed one with
 * exponential backoff and jitter, keeps it as failed after its last attempt, and enqueues scheduled
 * jobs once per slot whatever the number of processes.
 */
export async function startWorker(options: WorkerOptions): Promise<RunningWorker> {
  const { db, listen, definitions = jobDefinitions, pollSeconds = 2, stopTimeoutMs = 10_000 } = options
  const context: JobContext = { ...options.context, db }
  const { log } = context
  const connection = trackedConnection(db)
  const boss = new PgBoss({
    db: connection,
    schema: jobSchema,
    pollingIntervalSeconds: pollSeconds,
    // Failed jobs (the dead letters) stay in the live table a week, then a week in the archive.
    archiveFailedAfterSeconds: 7 * 24 * 3600,
  })
  let stopping = false
  boss.on('error', (error) => {
    if (!stopping) log(`jobs: ${error.message}`)
  })
  await boss.start()
  const running = new Set<Promise<unknown>>()
  const workerIds: string[] = []
  try {
    for (const definition of definitions) {
      for (let i = 0; i < (options.concurrency ?? definition.concurrency ?? 1); i++) {
        let workerId: string | undefined
        const handle = ([job]: PgBoss.JobWithMetadata[]) => {
          if (!job) return Promise.resolve()
          // pg-boss waits a polling interval after each job; a worker that found one looks again at
          // once instead, so that a full queue (a sign-up rush) drains at full speed.
          if (workerId) boss.notifyWorker(workerId)
          const attempt = runJob(definition, job, context)
          running.add(attempt)
          const forget = () => running.delete(attempt)
          attempt.then(forget, forget)
          return attempt
        }
        workerId = await boss.work(definition.name, { batchSize: 1, includeMetadata: true }, handle)
        workerIds.push(workerId)
      }
      if (definition.schedule) await boss.schedule(definition.name, definition.schedule, {}, { tz: timezone })
    }
  } catch (error) {
    await boss.stop({ graceful: false })
    throw error
  }
  const wake = () => {
    for (const id of workerIds) boss.notifyWorker(id)
  }
  const unlisten = await listen?.(jobsChannel, wake).catch((error: Error) => {
    log(`jobs: polling only, LISTEN failed: ${error.message}`)
    return undefined
  })
  let stopped: Promise<void> | undefined
  return {
    stop() {
      stopped ??= (async () => {
        stopping = true
        await unlisten?.()
        await boss.stop({ graceful: true, wait: true, timeout: stopTimeoutMs })
        // A worker may have fetched a job just as it was told to stop: that job still runs to its end.
        const drained = (async () => {
          await settled(running)
          await connection.close()
        })()
        await Promise.race([drained, new Promise((resolve) => setTimeout(resolve, stopTimeoutMs).unref())])
      })()
      return stopped
    },
  }
}

async function runJob(definition: JobDefinition, job: PgBoss.JobWithMetadata, context: JobContext): Promise<void> {
  const run = { id: job.id, attempt: job.retryCount + 1, attempts: job.retryLimit + 1 }
  try {
    await definition.run(job.data, context, run)
  } catch (error) {
    const last = run.attempt >= run.attempts
    const message = error instanceof Error ? error.message : String(error)
    context.log(
      `jobs: ${definition.name} ${job.id} failed (attempt ${run.attempt} of ${run.attempts}` +
        `${last ? ', giving up: see relais jobs failed' : ', will retry'}): ${message}`,
    )
    throw error
  }
}
