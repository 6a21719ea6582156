/**
 * What the retention policy removes, and after how many days by default. Each organization may set
 * its own delay per category, within the bounds: below `min` the data could not serve its purpose
 * (a confirmation link, an investigation), above `max` it would be kept longer than defensible.
 */
export const retentionCategories = {
  /**
   * Sign-ups never confirmed: no valid consent, so erased (without suppressing the address). RSVP
   * requests never confirmed lapse then too, or earlier once their initiative is cancelled or over.
   */
  unconfirmed_signups: { days: 14, min: 1, max: 90 },
  /** Members who unsubscribed and changed nothing since: erased, their address suppressed. */
  unsubscribed_members: { days: 365, min: 1, max: 1095 },
  /** Members with no sign of life (no change, RSVP or group joined): erased, not suppressed. */
  inactive_members: { days: 1095, min: 30, max: 3650 },
  /** RSVPs of initiatives that ended: deleted (the initiative keeps its counts). */
  past_rsvps: { days: 365, min: 1, max: 1095 },
  /** Copies of e-mails kept in the database (no SMTP server): deleted. */
  sent_mail: { days: 30, min: 1, max: 365 },
  /** The audit log: six months at least to investigate, a year by default (CNIL's guidance on logs). */
  audit_events: { days: 365, min: 180, max: 1095 },
} as const

export type RetentionCategory = keyof typeof retentionCategories

export const retentionCategoryNames = Object.keys(retentionCategories) as RetentionCategory[]

/** Days per category: an organization's own, or the default. */
export type RetentionDays = Record<RetentionCategory, number>
