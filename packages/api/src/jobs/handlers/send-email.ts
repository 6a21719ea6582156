import type { EmailJob } from '../../domain/mail/email-job.js'
import { retentionPolicyOf } from '../../domain/retention/policy.js'
import { composeEmail } from '../../mail/compose.js'
import type { JobDefinition } from '../context.js'

/**
 * Writes and sends one e-mail. The message and its new links are stored first, then the message
 * leaves: a failed delivery retries with a fresh link, and only the last one sent works.
 */
export const sendEmailJob: JobDefinition<EmailJob> = {
  name: 'send-email',
  // Two at once: SMTP servers dislike more from one sender.
  concurrency: 2,
  // pg-boss's fetch sorts every waiting e-mail (5 to 15 ms with thousands waiting, in a sign-up
  // rush) however many it then takes: ten a fetch pay a tenth each. Twenty measured no faster, and
  // would leave twice as many e-mails `active` until their expiry (300 s) if the process died. Ten
  // e-mails take well under a second, far within the first tenth of that expiry, in which they
  // must start (see batch.ts).
  batchSize: 10,
  async run(job, context) {
    const { db, mailer, log } = context
    // The delay the message announces is the one the organization's retention policy applies.
    const policy = await retentionPolicyOf(db, job.organizationId, { unconfirmed_signups: context.unconfirmedDays })
    const mail = await db.transaction().execute((trx) =>
      composeEmail(trx, job, {
        publicUrl: context.publicUrl,
        mailFrom: context.mailFrom,
        unconfirmedDays: policy.unconfirmed_signups.days,
      }),
    )
    if (!mail) {
      log(`mail: ${job.template} for ${job.memberId} not sent: nothing left to say (erased, cancelled or used).`)
      return
    }
    const where = await mailer.deliver(db, mail)
    log(`mail: ${job.template} for ${job.memberId} ${where}.`)
  },
}
