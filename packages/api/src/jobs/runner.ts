import type { FetchedJob, RunningBatch } from './batch.js'

export interface RunnerOptions {
  /** One fetch of up to a batch of jobs (pg-boss's, `FOR UPDATE SKIP LOCKED`). */
  fetch(): Promise<FetchedJob[]>
  run(jobs: FetchedJob[]): RunningBatch
  /** How long an idle runner waits before looking at its queue again, unless woken. */
  pollMs: number
  onError(error: unknown): void
}

/** One of a queue's runners: it runs one job at a time, so a queue has `concurrency` of them. */
export interface Runner {
  /** Looks at the queue now rather than at the end of its wait (a job was committed). */
  wake(): void
  /** Fetches nothing more; resolves once the batch in hand has ended. */
  stop(): Promise<void>
  /** Starts no further job of the batch in hand, nor of one still being fetched: back to the queue. */
  close(reason: string): void
}

/**
 * Fetches a batch, runs it, and looks again at once while the queue gives jobs (a sign-up rush
 * drains at full speed); waits a polling interval when it is empty, or until woken.
 */
export function startRunner({ fetch, run, pollMs, onError }: RunnerOptions): Runner {
  let stopping = false
  let woken = false
  let closed: string | undefined
  let batch: RunningBatch | undefined
  let endWait: (() => void) | undefined

  const loop = (async () => {
    while (!stopping) {
      // A wake-up during the fetch or the batch is not lost: it skips the wait that follows.
      woken = false
      try {
        const jobs = await fetch()
        if (jobs.length > 0) {
          batch = run(jobs)
          if (closed !== undefined) batch.close(closed)
          await batch.done
          batch = undefined
          continue
        }
      } catch (error) {
        onError(error)
      }
      if (stopping || woken) continue
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, pollMs)
        endWait = () => {
          clearTimeout(timer)
          resolve()
        }
      })
      endWait = undefined
    }
  })()

  const wake = () => {
    woken = true
    endWait?.()
  }
  return {
    wake,
    stop() {
      stopping = true
      wake()
      return loop
    },
    close(reason) {
      closed = reason
      batch?.close(reason)
    },
  }
}
