import { type Kysely, sql } from 'kysely'
import type { Database } from '../db/types.js'
import { jobsChannel } from './queue.js'

/** The least time between two wake-ups sent by one process, in milliseconds. */
const defaultSpacingMs = 50

/**
 * Wakes idle workers after writes that may have queued jobs, with one NOTIFY for all the writes
 * of a short while, sent in a transaction of its own once theirs have committed.
 *
 * A NOTIFY inside the writes themselves would wake the workers as precisely, but PostgreSQL makes
 * every transaction that notifies commit one after the other (it holds a database-wide lock from
 * before its commit until after it): under a spike of sign-ups, their commits could no longer share
 * a disk flush, and the throughput fell by a third. A wake-up lost here (a crash, the database away)
 * delays jobs to the workers' next poll; it never loses one, since the jobs are already committed.
 */
export class WorkerWake {
  private sending: Promise<void> | undefined
  private again = false
  private closed = false

  constructor(
    private readonly db: Kysely<Database>,
    private readonly spacingMs = defaultSpacingMs,
    private readonly log: (line: string) => void = console.error,
  ) {}

  /** After a commit: a NOTIFY now, or, if one was sent just before, once the spacing has passed. */
  request(): void {
    if (this.closed) return
    if (this.sending) {
      this.again = true
      return
    }
    this.sending = this.send()
  }

  /** Waits for the wake-up under way, then sends no more. */
  async close(): Promise<void> {
    this.closed = true
    await this.sending
  }

  private async send(): Promise<void> {
    try {
      do {
        this.again = false
        await sql`select pg_notify(${jobsChannel}, '')`.execute(this.db).catch((error: Error) => {
          this.log(`[relais] could not wake the workers (they will poll): ${error.message}`)
        })
        // Writes meanwhile get the next wake-up, after the spacing: one for all of them.
        await new Promise((resolve) => setTimeout(resolve, this.spacingMs))
      } while (this.again && !this.closed)
    } finally {
      this.sending = undefined
    }
  }
}
