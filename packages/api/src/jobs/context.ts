import type { Kysely } from 'kysely'
import type { Database } from '../db/types.js'
import type { Mailer } from '../mail/transport.js'

/** What a job handler works with. */
export interface JobContext {
  db: Kysely<Database>
  mailer: Mailer
  /** Where the server is reached from outside, for links in e-mails. */
  publicUrl: string
  /** The sender address of e-mails; the organization's name is shown beside it. */
  mailFrom: string
  /** Days after which a sign-up never confirmed is erased. */
  unconfirmedDays: number
  log(line: string): void
}

/** One attempt at one job. */
export interface JobRun {
  id: string
  /** 1 for the first attempt. */
  attempt: number
  /** Attempts allowed in all. */
  attempts: number
}

export interface JobDefinition<Payload = unknown> {
  name: string
  /** Does the work; throwing makes pg-boss try again later, then keep the job as failed. */
  run(payload: Payload, context: JobContext, job: JobRun): Promise<void>
  /** Jobs of this queue one process runs at once (default 1). */
  concurrency?: number
  /**
   * Jobs each of those `concurrency` runners fetches at once and then runs one after the other
   * (default 1): one fetch, which sorts every waiting job of the queue, then serves that many.
   */
  batchSize?: number
  /** A cron line, in Europe/Paris time: pg-boss enqueues the job then, once for all processes. */
  schedule?: string
}
