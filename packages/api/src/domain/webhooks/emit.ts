import { sql, type Transaction } from 'kysely'
import type { Database, Initiative } from '../../db/types.js'
import { enqueue } from '../../jobs/queue.js'
import { newId } from '../ids.js'
import type { InitiativeEventData, WebhookEventData, WebhookEventType, WebhookPayload } from './event-types.js'

export const deliverWebhookQueue = 'deliver-webhook'

/** What the `deliver-webhook` job carries: ids and the attempt it is, nothing personal. */
export interface WebhookDeliveryJob {
  organizationId: string
  deliveryId: string
  /** 1 for the first attempt: a job whose attempt is already logged does nothing. */
  attempt: number
}

/**
 * Tells the organization's subscribed, enabled endpoints about an event, in the transaction of the
 * write that causes it: a delivery row (the log) and its first job per endpoint, which exist if and
 * only if the write commits. Answers how many endpoints will receive it.
 */
export async function emitWebhookEvent<T extends WebhookEventType>(
  trx: Transaction<Database>,
  organizationId: string,
  type: T,
  data: WebhookEventData[T],
  now = new Date(),
): Promise<number> {
  const endpoints = await trx
    .selectFrom('webhook_endpoints')
    .select('id')
    .where('organization_id', '=', organizationId)
    .where('enabled', '=', true)
    .where(sql<boolean>`${type} = any(event_types)`)
    .execute()
  for (const endpoint of endpoints) {
    await queueDelivery(trx, organizationId, endpoint.id, { type, timestamp: now.toISOString(), data }, now)
  }
  return endpoints.length
}

/** Writes one delivery and enqueues its first attempt; answers the message id. */
export async function queueDelivery(
  trx: Transaction<Database>,
  organizationId: string,
  endpointId: string,
  payload: WebhookPayload,
  now: Date,
): Promise<string> {
  const id = newId('msg', now)
  await trx
    .insertInto('webhook_deliveries')
    .values({
      organization_id: organizationId,
      id,
      endpoint_id: endpointId,
      event_type: payload.type,
      payload: JSON.stringify(payload),
      next_attempt_at: now,
      created_at: now,
      updated_at: now,
    })
    .execute()
  const job: WebhookDeliveryJob = { organizationId, deliveryId: id, attempt: 1 }
  await enqueue(trx, deliverWebhookQueue, job)
  return id
}

/** The facts of an initiative event: public ones, as its page shows them. */
export function initiativeEventData(initiative: Initiative): InitiativeEventData {
  return {
    initiative_id: initiative.id,
    group_id: initiative.group_id,
    title: initiative.title,
    kind: initiative.kind,
    status: initiative.status,
    starts_at: initiative.starts_at.toISOString(),
    ends_at: initiative.ends_at.toISOString(),
    timezone: initiative.timezone,
    commune: initiative.commune,
  }
}
