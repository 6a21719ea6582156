import { type Environment, UsageError } from '../server/environment.js'

export interface MailSettings {
  /** An SMTP server (`smtp://user:password@host:587`, `smtps://…`); without it, mail stays in the database. */
  smtpUrl?: string
  /** The sender address (default: `no-reply@` the public host); messages show their organization's name beside it. */
  from?: string
  /** Serve `/dev/mailbox`: by default only when mail stays in the database. */
  devMailbox: boolean
  /** Days after which a sign-up never confirmed is erased (default 14). */
  unconfirmedDays: number
}

const address = /^[^\s@<>"]+@[^\s@<>"]+$/

/** Reads the mail settings: SMTP_URL, RELAIS_MAIL_FROM, RELAIS_DEV_MAILBOX, RELAIS_UNCONFIRMED_DAYS. */
export function mailSettingsFrom(env: Environment): MailSettings {
  const smtpUrl = env.SMTP_URL?.trim() || undefined
  if (smtpUrl && !/^smtps?:\/\/[^\s]+$/.test(smtpUrl)) {
    throw new UsageError('SMTP_URL must look like smtp://user:password@mail.example.org:587 (or smtps://…).')
  }
  const from = env.RELAIS_MAIL_FROM?.trim() || undefined
  if (from && !address.test(from)) {
    throw new UsageError(`RELAIS_MAIL_FROM must be an e-mail address such as relais@example.org, not "${from}".`)
  }
  const days = env.RELAIS_UNCONFIRMED_DAYS?.trim() || '14'
  if (!/^\d{1,4}$/.test(days) || Number(days) < 1) {
    throw new UsageError(`RELAIS_UNCONFIRMED_DAYS must be a whole number of days from 1, not "${days}".`)
  }
  return {
    smtpUrl,
    from,
    devMailbox: !smtpUrl || env.RELAIS_DEV_MAILBOX === '1',
    unconfirmedDays: Number(days),
  }
}

/** The sender address for a server reached at `publicUrl`, unless RELAIS_MAIL_FROM says otherwise. */
export function mailFromFor(settings: MailSettings, publicUrl: string): string {
  return settings.from ?? `no-reply@${new URL(publicUrl).hostname}`
}
