import type { Kysely } from 'kysely'
import nodemailer, { type SendMailOptions } from 'nodemailer'
import type { Database } from '../db/types.js'
import type { OutgoingMail } from './message.js'

/** Where e-mail goes: an SMTP server, or the `mail_outbox` table shown at `/dev/mailbox`. */
export interface Mailer {
  kind: 'smtp' | 'outbox'
  /** Sends one message; answers where it went, for the log. */
  deliver(db: Kysely<Database>, mail: OutgoingMail): Promise<string>
  close(): void
}

function mailOptions(mail: OutgoingMail): SendMailOptions {
  return {
    from: mail.from,
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    headers: mail.headers,
    attachments: mail.attachments.map((attachment) => ({
      filename: attachment.filename,
      content: attachment.content,
      contentType: attachment.content_type,
    })),
  }
}

/** SMTP with `smtpUrl`, else the database: the message is built by nodemailer either way. */
export function createMailer(smtpUrl?: string): Mailer {
  return smtpUrl ? smtpMailer(smtpUrl) : outboxMailer()
}

function smtpMailer(smtpUrl: string): Mailer {
  const transport = nodemailer.createTransport(smtpUrl)
  return {
    kind: 'smtp',
    async deliver(_db, mail) {
      const info = await transport.sendMail(mailOptions(mail))
      return `sent over SMTP (${info.messageId})`
    },
    close: () => transport.close(),
  }
}

/**
 * Keeps each message in the database, as the MIME text an SMTP server would have received
 * (nodemailer's stream transport writes it), with its parts for the dev mailbox to show.
 */
export function outboxMailer(): Mailer {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' })
  return {
    kind: 'outbox',
    async deliver(db, mail) {
      const info = await transport.sendMail(mailOptions(mail))
      const row = await db
        .insertInto('mail_outbox')
        .values({
          organization_id: mail.organizationId,
          member_id: mail.memberId,
          template: mail.template,
          to_address: mail.to,
          subject: mail.subject,
          text_body: mail.text,
          html_body: mail.html,
          attachments: JSON.stringify(mail.attachments),
          raw: info.message.toString('utf8'),
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      return `kept in the database (/dev/mailbox/${row.id})`
    },
    close: () => undefined,
  }
}
