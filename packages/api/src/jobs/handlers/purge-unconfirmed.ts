import { purgeUnconfirmed } from '../../domain/members/purge.js'
import type { JobDefinition } from '../context.js'

/** Every night: the sign-ups never confirmed are erased (RELAIS_UNCONFIRMED_DAYS, 14 by default). */
export const purgeUnconfirmedJob: JobDefinition<Record<string, never>> = {
  name: 'purge-unconfirmed',
  schedule: '17 3 * * *',
  async run(_payload, { db, unconfirmedDays, log }) {
    const purged = await purgeUnconfirmed(db, { days: unconfirmedDays })
    if (purged.length === 0) return
    // Ids only: the log must not keep what the purge removed.
    const ids = purged.map((member) => `${member.memberId} (${member.organizationId})`).join(', ')
    log(`purge: erased ${purged.length} sign-up(s) unconfirmed after ${unconfirmedDays} days: ${ids}.`)
  },
}
