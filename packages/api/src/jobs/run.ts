import type { RelaisDatabase } from '../db/database.js'
import { type MailSettings, mailFromFor } from '../mail/settings.js'
import { createMailer } from '../mail/transport.js'
import { type RunningWorker, startWorker } from './worker.js'

export interface JobsOptions {
  database: RelaisDatabase
  /** Where visitors reach the server: the links in e-mails. */
  publicUrl: string
  mail: MailSettings
  log(line: string): void
  concurrency?: number
  pollSeconds?: number
}

/** The jobs of Relais with their real surroundings: e-mail over SMTP or into the database. */
export async function runJobs(options: JobsOptions): Promise<RunningWorker> {
  const { database, mail, publicUrl } = options
  const mailer = createMailer(mail.smtpUrl)
  const worker = await startWorker({
    db: database.db,
    listen: database.listen,
    concurrency: options.concurrency,
    pollSeconds: options.pollSeconds,
    context: {
      mailer,
      publicUrl,
      mailFrom: mailFromFor(mail, publicUrl),
      unconfirmedDays: mail.unconfirmedDays,
      log: options.log,
    },
  })
  return {
    async stop() {
      await worker.stop()
      mailer.close()
    },
  }
}

/** One line on where e-mail goes, for the start-up messages. */
export function describeMail(mail: MailSettings, publicUrl: string): string {
  if (!mail.smtpUrl) return `E-mail: kept in the database (no SMTP_URL), read at ${publicUrl}/dev/mailbox`
  let host = 'the SMTP server'
  try {
    host = new URL(mail.smtpUrl).hostname
  } catch {}
  return `E-mail: sent through ${host} (SMTP_URL)`
}
