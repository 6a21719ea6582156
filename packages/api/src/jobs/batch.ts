import type PgBoss from 'pg-boss'

export type FetchedJob = PgBoss.JobWithMetadata

/** How each job of a batch ends, once and on its own, whatever becomes of the others. */
export interface Settlement {
  /** It succeeded. */
  complete(job: FetchedJob): Promise<void>
  /** It failed: pg-boss tries it again later, or keeps it as failed after its last attempt. */
  fail(job: FetchedJob, error: unknown): Promise<void>
  /** It is still running when its expiry comes: counted as failed, as pg-boss would. */
  expire(job: FetchedJob): Promise<void>
  /** They never started: back in the queue, as they were before the fetch. */
  handBack(jobs: FetchedJob[], reason: string): Promise<void>
}

export interface RunningBatch {
  /** Resolves once each job of the batch has ended or gone back to the queue; never rejects. */
  done: Promise<void>
  /** Starts no further job: those still waiting go back to the queue. */
  close(reason: string): void
}

/**
 * How long after their fetch the jobs of a batch may start: a tenth of their expiry. pg-boss counts
 * a job's expiry (`expireInSeconds`) from its fetch, so a job waiting in a batch behind others
 * loses that time; starting within the first tenth, it keeps nine tenths of it to run. A batch
 * whose jobs are slower than that hands the rest back, to run elsewhere or at the next fetch.
 */
function startWindowSeconds(jobs: FetchedJob[]): number {
  return Math.min(...jobs.map(expirySeconds)) / 10
}

/**
 * Runs the jobs of one fetch one after the other, settling each as it ends: a failing job retries
 * on its own, and a job that succeeded is marked so at once, not at the end of the batch (a process
 * that dies mid-batch then leaves only the unfinished jobs to their expiry). The jobs run one at a
 * time, so a queue runs at most as many jobs at once as it has runners.
 */
export function runBatch(
  jobs: FetchedJob[],
  run: (job: FetchedJob) => Promise<void>,
  settle: Settlement,
): RunningBatch {
  const fetchedAt = Date.now()
  const waiting = [...jobs]
  const returns: Promise<void>[] = []
  const close = (reason: string) => {
    const unstarted = waiting.splice(0)
    if (unstarted.length > 0) returns.push(settle.handBack(unstarted, reason))
  }
  const windowSeconds = startWindowSeconds(jobs)
  const window = setTimeout(() => close(`not started within ${windowSeconds} s of their fetch`), windowSeconds * 1000)
  const done = (async () => {
    for (let job = waiting.shift(); job; job = waiting.shift()) await runOne(job, fetchedAt, run, settle)
    clearTimeout(window)
    await Promise.all(returns)
  })()
  return { done, close }
}

async function runOne(job: FetchedJob, fetchedAt: number, run: (job: FetchedJob) => Promise<void>, settle: Settlement) {
  let expiry: NodeJS.Timeout | undefined
  const expired = new Promise<'expired'>((resolve) => {
    expiry = setTimeout(() => resolve('expired'), fetchedAt + expirySeconds(job) * 1000 - Date.now())
  })
  const outcome = await Promise.race([
    run(job).then(
      () => 'succeeded' as const,
      (error: unknown) => ({ error }),
    ),
    expired,
  ])
  clearTimeout(expiry)
  // Past its expiry the job may be fetched again elsewhere: whatever this attempt does later is not
  // recorded (pg-boss's own `work` abandons such a job the same way).
  if (outcome === 'succeeded') await settle.complete(job)
  else if (outcome === 'expired') await settle.expire(job)
  else await settle.fail(job, outcome.error)
}

// PostgreSQL answers the expiry as a numeric, which some drivers hand over as text.
function expirySeconds(job: FetchedJob): number {
  return Number(job.expireInSeconds)
}
