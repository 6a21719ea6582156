import { type Expression, type RawBuilder, sql, type Transaction } from 'kysely'
import type { Database } from '../../db/types.js'
import { jobInsert } from '../../jobs/job-row.js'
import { enqueue } from '../../jobs/queue.js'

const emailQueue = 'send-email'

export type EmailTemplate =
  | 'signup-confirmation'
  | 'already-member'
  | 'rsvp-request'
  | 'rsvp-confirmation'
  | 'already-registered'

/**
 * An e-mail to write and send, as the `send-email` job carries it: ids only. The person's address
 * and name are read when the job runs, so that nothing personal waits in the queue and a person
 * erased meanwhile gets nothing.
 */
export interface EmailJob {
  template: EmailTemplate
  organizationId: string
  memberId: string
  /** The language of the form the person filled in. */
  language: string
  /** SHA-256 of the confirmation token made with the write: the message gets a fresh token for it. */
  confirmation?: string
  rsvpId?: string
}

/** Enqueues an e-mail in the transaction of the write that causes it. */
export async function requestEmail(trx: Transaction<Database>, job: EmailJob): Promise<void> {
  await enqueue(trx, emailQueue, job)
}

/** An e-mail job's fields as SQL, for a statement that enqueues it with the write that causes it. */
export type EmailJobValues = { [field in keyof EmailJob]: EmailJob[field] | Expression<string> }

/**
 * Enqueues an e-mail within the statement of the write that causes it (a CTE, see `jobInsert`):
 * its fields may be read from that statement's other CTEs, such as the member it just wrote.
 */
export function emailJobInsert(job: EmailJobValues): RawBuilder<{ id: string }> {
  const fields = Object.entries(job).filter(([, value]) => value !== undefined)
  const pairs = fields.map(([name, value]) => sql`${sql.lit(name)}, ${value}::text`)
  return jobInsert(emailQueue, sql`jsonb_build_object(${sql.join(pairs)})`)
}
