import type { Kysely } from 'kysely'
import PgBoss from 'pg-boss'
import type { Listen } from '../db/database.js'
import type { Database } from '../db/types.js'
import { type FetchedJob, runBatch } from './batch.js'
import { jobSchema, settled, trackedConnection } from './connection.js'
import type { JobContext, JobDefinition } from './context.js'
import { jobDefinitions } from './definitions.js'
import { jobsChannel } from './queue.js'
import { type Runner, startRunner } from './runner.js'
import { settlementOf } from './settlement.js'

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
 * Runs the jobs of every queue in this process: each of a queue's `concurrency` runners fetches a
 * batch of its jobs with pg-boss (`FOR UPDATE SKIP LOCKED`: several workers, in one process or
 * many, never run a job twice) and runs them one after the other, each settled on its own: a failed
 * one is retried with exponential backoff and jitter, and kept as failed after its last attempt.
 * pg-boss also enqueues scheduled jobs once per slot whatever the number of processes.
 *
 * The runners are ours rather than pg-boss's `work`, whose batch handler settles a batch as one:
 * when it resolves, pg-boss completes every job of the batch still `active`, and when it throws,
 * outlives the batch's expiry or is cut short by a stop, pg-boss fails every job not yet completed,
 * including those already back in the queue (and perhaps fetched again elsewhere).
 */
export async function startWorker(options: WorkerOptions): Promise<RunningWorker> {
  const { db, listen, definitions = jobDefinitions, pollSeconds = 2, stopTimeoutMs = 10_000 } = options
  const context: JobContext = { ...options.context, db }
  const { log } = context
  const connection = trackedConnection(db)
  const boss = new PgBoss({
    db: connection,
    schema: jobSchema,
    // Failed jobs (the dead letters) stay in the live table a week, then a week in the archive.
    archiveFailedAfterSeconds: 7 * 24 * 3600,
  })
  let stopping = false
  boss.on('error', (error) => {
    if (!stopping) log(`jobs: ${error.message}`)
  })
  await boss.start()
  try {
    for (const definition of definitions) {
      if (definition.schedule) await boss.schedule(definition.name, definition.schedule, {}, { tz: timezone })
    }
  } catch (error) {
    await boss.stop({ graceful: false })
    throw error
  }
  const running = new Set<Promise<unknown>>()
  const track = (attempt: Promise<void>) => {
    running.add(attempt)
    const forget = () => running.delete(attempt)
    attempt.then(forget, forget)
    return attempt
  }
  const runners: Runner[] = []
  for (const definition of definitions) {
    const settlement = settlementOf(definition.name, { db, connection, boss, log })
    const fetchOptions = { batchSize: definition.batchSize ?? 1, includeMetadata: true } as const
    for (let i = 0; i < (options.concurrency ?? definition.concurrency ?? 1); i++) {
      const runner = startRunner({
        fetch: () => boss.fetch(definition.name, fetchOptions),
        run: (jobs) => runBatch(jobs, (job) => track(runJob(definition, job, context)), settlement),
        pollMs: Math.max(0.5, pollSeconds) * 1000,
        onError: (error) => log(`jobs: ${definition.name}: ${error instanceof Error ? error.message : String(error)}`),
      })
      runners.push(runner)
    }
  }
  const wake = () => {
    for (const runner of runners) runner.wake()
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
        const ended = Promise.all(runners.map((runner) => runner.stop()))
        // Schedules and maintenance stop; pg-boss runs no job of ours, so it has none to wait for.
        await boss.stop({ graceful: true, wait: true, timeout: stopTimeoutMs })
        // The jobs already fetched run to their end, for up to the timeout; those that have not
        // started by then go back to the queue, as if never fetched.
        await Promise.race([ended, delay(stopTimeoutMs)])
        for (const runner of runners) runner.close('the worker is stopping')
        // A job running then may still end within a second timeout, and be recorded as it ended;
        // one that does not stays `active` until its expiry, then is tried again.
        const drained = (async () => {
          await ended
          await settled(running)
          await connection.close()
        })()
        await Promise.race([drained, delay(stopTimeoutMs)])
      })()
      return stopped
    },
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref())
}

async function runJob(definition: JobDefinition, job: FetchedJob, context: JobContext): Promise<void> {
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
