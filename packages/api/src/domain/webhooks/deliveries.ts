import type { Kysely, Selectable } from 'kysely'
import type { Database, WebhookDeliveryStatus, WebhookDeliveryTable } from '../../db/types.js'
import { decodeCursor, type Page, toPage } from '../pagination.js'
import { queueDelivery } from './emit.js'
import { checkEnabled, getEndpoint } from './endpoints.js'
import { testEventType } from './event-types.js'

export type WebhookDelivery = Selectable<WebhookDeliveryTable>

/** An endpoint's delivery log, newest first (message ids sort by creation time). */
export async function listDeliveries(
  db: Kysely<Database>,
  organizationId: string,
  endpointId: string,
  { limit, cursor, status }: { limit: number; cursor?: string; status?: WebhookDeliveryStatus },
): Promise<Page<WebhookDelivery>> {
  await getEndpoint(db, organizationId, endpointId)
  const before = cursor ? String(decodeCursor(cursor, 1)[0]) : undefined
  const rows = await db
    .selectFrom('webhook_deliveries')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('endpoint_id', '=', endpointId)
    .$if(status !== undefined, (qb) => qb.where('status', '=', status ?? 'pending'))
    .$if(before !== undefined, (qb) => qb.where('id', '<', before ?? ''))
    .orderBy('id', 'desc')
    .limit(limit + 1)
    .execute()
  return toPage(
    rows,
    limit,
    (delivery) => [delivery.id],
    (delivery) => delivery,
  )
}

/** Sends a `webhook.test` event to one enabled endpoint, whatever it subscribes to. */
export async function sendTestEvent(
  db: Kysely<Database>,
  organizationId: string,
  endpointId: string,
  now = new Date(),
): Promise<WebhookDelivery> {
  return db.transaction().execute(async (trx) => {
    checkEnabled(await getEndpoint(trx, organizationId, endpointId))
    const payload = { type: testEventType, timestamp: now.toISOString(), data: { endpoint_id: endpointId } }
    const id = await queueDelivery(trx, organizationId, endpointId, payload, now)
    return trx
      .selectFrom('webhook_deliveries')
      .selectAll()
      .where('organization_id', '=', organizationId)
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
  })
}
