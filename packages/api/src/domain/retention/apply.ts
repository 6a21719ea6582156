import type { Kysely } from 'kysely'
import type { Database } from '../../db/types.js'
import { recordAudit, systemActor } from '../audit/record.js'
import { purgeUnconfirmed } from '../members/purge.js'
import { lapseRsvpRequests } from '../rsvps/lapse.js'
import type { RetentionCategory, RetentionDays } from './categories.js'
import {
  type Sweep,
  sweepAuditEvents,
  sweepInactive,
  sweepPastRsvps,
  sweepSentMail,
  sweepUnsubscribed,
} from './sweeps.js'

const dayMs = 24 * 3600 * 1000

export type RetentionCounts = Record<RetentionCategory, number>

// The purge of unconfirmed sign-ups keeps its own rule (no link sent lately): it computes its cutoff.
// The people go first, whole; then the RSVP requests of others, never confirmed, lapse.
const unconfirmed: Sweep = async (db, organizationId, cutoff, now) => {
  const days = (now.getTime() - cutoff.getTime()) / dayMs
  const purged = (await purgeUnconfirmed(db, { days, now, organizationId })).length
  return purged + (await lapseRsvpRequests(db, organizationId, cutoff, now))
}

const sweeps: Record<RetentionCategory, Sweep> = {
  unconfirmed_signups: unconfirmed,
  unsubscribed_members: sweepUnsubscribed,
  inactive_members: sweepInactive,
  past_rsvps: sweepPastRsvps,
  sent_mail: sweepSentMail,
  // Last, so that the events of tonight's erasures are not what it removes.
  audit_events: sweepAuditEvents,
}

/**
 * Applies an organization's retention policy: each category's data older than its delay is
 * removed, and one `retention.applied` event records the counts (ids of erased people are in the
 * `member.erase` events written with each erasure). Answers the counts per category.
 */
export async function applyRetention(
  db: Kysely<Database>,
  organizationId: string,
  days: RetentionDays,
  now = new Date(),
): Promise<RetentionCounts> {
  const counts = {} as RetentionCounts
  for (const [category, sweep] of Object.entries(sweeps) as [RetentionCategory, Sweep][]) {
    counts[category] = await sweep(db, organizationId, new Date(now.getTime() - days[category] * dayMs), now)
  }
  await recordAudit(
    db,
    systemActor(organizationId),
    { action: 'retention.applied', targetType: 'organization', targetId: organizationId, details: { days, counts } },
    now,
  )
  return counts
}
