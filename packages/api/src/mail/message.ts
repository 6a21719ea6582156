import type { MailAttachment } from '../db/types.js'
import type { EmailTemplate } from '../domain/mail/email-job.js'

/** A message ready for a transport: nodemailer turns it into MIME. */
export interface OutgoingMail {
  organizationId: string
  memberId: string
  template: EmailTemplate
  from: { name: string; address: string }
  to: string
  subject: string
  text: string
  html: string
  attachments: MailAttachment[]
  headers: Record<string, string>
}
