import type { Kysely } from 'kysely'
import type { Database, InitiativeStatus } from '../../db/types.js'
import { DomainError, notFound } from '../errors.js'
import { lockInitiative } from '../rsvps/lock.js'
import { recordInitiativeActivity } from './activity.js'
import { findHostGroup } from './group.js'
import type { InitiativeView } from './visibility.js'

const publishable: InitiativeStatus[] = ['draft', 'pending_review']

/** Makes a draft (or one awaiting review) public, and announces it in the activity feed. */
export async function publishInitiative(
  db: Kysely<Database>,
  organizationId: string,
  initiativeId: string,
  now = new Date(),
): Promise<InitiativeView> {
  return db.transaction().execute(async (trx) => {
    const initiative = await lockInitiative(trx, organizationId, initiativeId)
    if (!initiative) throw notFound(`Initiative ${initiativeId}`)
    if (!publishable.includes(initiative.status)) {
      throw new DomainError(
        'conflict',
        `Initiative ${initiativeId} is ${initiative.status}: only drafts and initiatives awaiting review can be published.`,
      )
    }
    const published = await trx
      .updateTable('initiatives')
      .set({ status: 'published', published_at: now, updated_at: now })
      .where('organization_id', '=', organizationId)
      .where('id', '=', initiativeId)
      .returningAll()
      .executeTakeFirstOrThrow()
    await recordInitiativeActivity(trx, 'initiative_published', published, now)
    const group = await findHostGroup(trx, organizationId, published.group_id)
    return { ...published, group_name: group.name }
  })
}

/**
 * Cancels an initiative. Its sequence moves on so that subscribed calendars show the cancellation;
 * RSVPs stay as they were, for the record. Only a cancellation of something the public saw is announced.
 */
export async function cancelInitiative(
  db: Kysely<Database>,
  organizationId: string,
  initiativeId: string,
  now = new Date(),
): Promise<InitiativeView> {
  return db.transaction().execute(async (trx) => {
    const initiative = await lockInitiative(trx, organizationId, initiativeId)
    if (!initiative) throw notFound(`Initiative ${initiativeId}`)
    if (initiative.status === 'cancelled') {
      throw new DomainError('conflict', `Initiative ${initiativeId} is already cancelled.`)
    }
    const cancelled = await trx
      .updateTable('initiatives')
      .set({ status: 'cancelled', cancelled_at: now, sequence: initiative.sequence + 1, updated_at: now })
      .where('organization_id', '=', organizationId)
      .where('id', '=', initiativeId)
      .returningAll()
      .executeTakeFirstOrThrow()
    if (initiative.status === 'published') await recordInitiativeActivity(trx, 'initiative_cancelled', cancelled, now)
    const group = await findHostGroup(trx, organizationId, cancelled.group_id)
    return { ...cancelled, group_name: group.name }
  })
}
