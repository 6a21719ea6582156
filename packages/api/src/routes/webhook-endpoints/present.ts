import type { z } from '@hono/zod-openapi'
import type { WebhookAttempt } from '../../db/types.js'
import type { WebhookDelivery } from '../../domain/webhooks/deliveries.js'
import type { WebhookEndpoint } from '../../domain/webhooks/endpoints.js'
import type { WebhookEventType } from '../../domain/webhooks/event-types.js'
import type { WebhookDeliverySchema, WebhookEndpointSchema } from './schemas.js'

/** An endpoint as listed: never its secrets, which only creation and rotation show. */
export function presentEndpoint(endpoint: WebhookEndpoint): z.infer<typeof WebhookEndpointSchema> {
  return {
    id: endpoint.id,
    url: endpoint.url,
    description: endpoint.description,
    event_types: endpoint.event_types as WebhookEventType[],
    enabled: endpoint.enabled,
    disabled_at: endpoint.disabled_at?.toISOString() ?? null,
    disabled_reason: endpoint.disabled_reason,
    previous_secret_expires_at: endpoint.previous_secret_expires_at?.toISOString() ?? null,
    created_at: endpoint.created_at.toISOString(),
    updated_at: endpoint.updated_at.toISOString(),
  }
}

export function presentDelivery(delivery: WebhookDelivery): z.infer<typeof WebhookDeliverySchema> {
  return {
    id: delivery.id,
    endpoint_id: delivery.endpoint_id,
    event_type: delivery.event_type as z.infer<typeof WebhookDeliverySchema>['event_type'],
    status: delivery.status,
    attempts: delivery.attempts,
    last_status_code: delivery.last_status_code,
    last_error: delivery.last_error,
    next_attempt_at: delivery.next_attempt_at?.toISOString() ?? null,
    delivered_at: delivery.delivered_at?.toISOString() ?? null,
    created_at: delivery.created_at.toISOString(),
    updated_at: delivery.updated_at.toISOString(),
    payload: delivery.payload as z.infer<typeof WebhookDeliverySchema>['payload'],
    attempt_log: delivery.attempt_log as WebhookAttempt[],
  }
}
