import type { Transaction } from 'kysely'
import type { Database } from '../../db/types.js'
import { enqueue } from '../../jobs/queue.js'

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
  await enqueue(trx, 'send-email', job)
}
