import type { Kysely } from 'kysely'
import type { Database } from '../db/types.js'

export interface DataSummary {
  organizations: number
  members: number
  upcomingInitiatives: number
  initiatives: number
}

/** Counts for the start banner: one organization's, or the whole database's when none is given. */
export async function summarize(db: Kysely<Database>, organizationId?: string, now = new Date()): Promise<DataSummary> {
  const [organizations, members, initiatives] = await Promise.all([
    db
      .selectFrom('organizations')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .$if(organizationId !== undefined, (qb) => qb.where('id', '=', organizationId ?? ''))
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('members')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .$if(organizationId !== undefined, (qb) => qb.where('organization_id', '=', organizationId ?? ''))
      .where('status', 'in', ['pending', 'active'])
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('initiatives')
      .select((eb) => [
        eb.fn.countAll<number>().as('count'),
        eb.fn
          .count<number>('id')
          .filterWhere((w) => w.and([w('status', '=', 'published'), w('starts_at', '>=', now)]))
          .as('upcoming'),
      ])
      .$if(organizationId !== undefined, (qb) => qb.where('organization_id', '=', organizationId ?? ''))
      .executeTakeFirstOrThrow(),
  ])
  return {
    organizations: Number(organizations.count),
    members: Number(members.count),
    initiatives: Number(initiatives.count),
    upcomingInitiatives: Number(initiatives.upcoming),
  }
}
