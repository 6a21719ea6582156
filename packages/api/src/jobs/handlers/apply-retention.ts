import { applyRetention } from '../../domain/retention/apply.js'
import { daysOf, retentionPolicyOf } from '../../domain/retention/policy.js'
import type { JobDefinition } from '../context.js'

/**
 * Every night, each organization's retention policy (`GET /v1/retention-policy`): unconfirmed
 * sign-ups (RELAIS_UNCONFIRMED_DAYS by default), unsubscribed and inactive members, past RSVPs,
 * kept e-mails, old audit events. What it removed is counted in the audit log and here.
 */
export const applyRetentionJob: JobDefinition<Record<string, never>> = {
  name: 'apply-retention',
  schedule: '17 3 * * *',
  async run(_payload, { db, unconfirmedDays, log }) {
    const organizations = await db.selectFrom('organizations').select('id').orderBy('id').execute()
    for (const { id } of organizations) {
      const policy = await retentionPolicyOf(db, id, { unconfirmed_signups: unconfirmedDays })
      const counts = await applyRetention(db, id, daysOf(policy))
      const removed = Object.entries(counts).filter(([, count]) => count > 0)
      if (removed.length === 0) continue
      // Counts only: the log must not keep what the policy removed.
      log(`retention: ${id}: ${removed.map(([category, count]) => `${category} ${count}`).join(', ')}.`)
    }
  },
}
