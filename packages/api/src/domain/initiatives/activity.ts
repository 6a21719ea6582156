import type { Transaction } from 'kysely'
import type { Database, Initiative } from '../../db/types.js'
import { newId } from '../ids.js'
import { emitWebhookEvent, initiativeEventData } from '../webhooks/emit.js'

/**
 * Tells the activity feed about an initiative's publication or cancellation. The group path (the
 * initiative's own copy, kept in step with the tree) lets the feed of any ancestor group show it;
 * the feed itself hides what happens under private groups.
 */
export async function recordInitiativeActivity(
  trx: Transaction<Database>,
  kind: 'initiative_published' | 'initiative_cancelled',
  initiative: Initiative,
  now: Date,
): Promise<void> {
  await trx
    .insertInto('activity')
    .values({
      organization_id: initiative.organization_id,
      id: newId('act', now),
      group_id: initiative.group_id,
      group_path: initiative.group_path,
      kind,
      payload: JSON.stringify({
        initiative_id: initiative.id,
        title: initiative.title,
        kind: initiative.kind,
        starts_at: initiative.starts_at.toISOString(),
        commune: initiative.commune,
      }),
      occurred_at: now,
    })
    .execute()
  const event = kind === 'initiative_published' ? 'initiative.published' : 'initiative.cancelled'
  await emitWebhookEvent(trx, initiative.organization_id, event, initiativeEventData(initiative), now)
}
