import { z } from '@hono/zod-openapi'
import { testEventType, webhookEventTypes } from '../../domain/webhooks/event-types.js'
import { maxAttempts } from '../../domain/webhooks/retry-schedule.js'
import { Count, idOf, idParam, ListQuery, pageOf, Timestamp, UrlOut } from '../common/schemas.js'

export const EndpointIdParam = z.object({ endpoint_id: idParam('whe', 'The webhook endpoint.') })

const EventTypes = z
  .array(z.enum(webhookEventTypes))
  .min(1)
  .max(webhookEventTypes.length * 2)
  .openapi({
    description: `The events to receive: ${webhookEventTypes.map((type) => `\`${type}\``).join(', ')}.`,
    example: ['initiative.published', 'rsvp.created'],
  })

const Url = z
  .string()
  .trim()
  .min(1)
  .max(2000)
  .openapi({
    format: 'uri',
    description:
      'Where events are POSTed: an https URL on a public address (plain http and private addresses only on a ' +
      'server started with RELAIS_WEBHOOKS_ALLOW_PRIVATE=1, for development).',
    example: 'https://crm.example.org/webhooks/relais',
  })

const Description = z.string().max(500).openapi({ description: 'What the endpoint is for.', example: 'CRM sync' })

export const WebhookEndpointSchema = z
  .object({
    id: idOf('whe'),
    url: UrlOut,
    description: Description,
    event_types: z.array(z.enum(webhookEventTypes)).max(webhookEventTypes.length),
    enabled: z.boolean().openapi({ description: 'False when switched off, or after the receiver answered 410 Gone.' }),
    disabled_at: Timestamp.nullable(),
    disabled_reason: z.string().max(500).nullable().openapi({ example: 'The receiver answered 410 Gone to msg_…' }),
    previous_secret_expires_at: Timestamp.nullable().openapi({
      description: 'After a rotation: until then, events are signed with the previous secret as well.',
    }),
    created_at: Timestamp,
    updated_at: Timestamp,
  })
  .openapi('WebhookEndpoint')

const Secret = z
  .string()
  .max(100)
  .regex(/^whsec_[A-Za-z0-9+/]+=*$/)
  .openapi({
    description: 'The signing secret (`whsec_…`). Shown only in this answer and at rotation: store it now.',
    example: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
  })

export const CreatedWebhookEndpointSchema = WebhookEndpointSchema.extend({ secret: Secret }).openapi(
  'CreatedWebhookEndpoint',
)

export const WebhookEndpointPageSchema = pageOf(WebhookEndpointSchema, 'WebhookEndpointPage')

export const NewWebhookEndpointSchema = z
  .object({ url: Url, description: Description.optional(), event_types: EventTypes })
  .openapi('NewWebhookEndpoint')

export const WebhookEndpointUpdateSchema = z
  .object({
    url: Url.optional(),
    description: Description.optional(),
    event_types: EventTypes.optional(),
    enabled: z
      .boolean()
      .optional()
      .openapi({ description: 'Switch sending off or on; enabling clears `disabled_reason`.' }),
  })
  .openapi('WebhookEndpointUpdate')

const deliveryStatuses = ['pending', 'succeeded', 'failed'] as const

export const DeliveryListQuery = ListQuery.extend({
  status: z.enum(deliveryStatuses).optional().openapi({ description: 'Only deliveries in this state.' }),
})

const AttemptSchema = z.object({
  attempt: z.number().int().min(1).max(maxAttempts).openapi({ format: 'int32' }),
  at: Timestamp,
  status_code: z.number().int().min(100).max(599).nullable().openapi({ format: 'int32', example: 503 }),
  error: z.string().max(1000).nullable().openapi({ example: 'connect ECONNREFUSED 203.0.113.7:443' }),
  duration_ms: Count,
})

export const WebhookDeliverySchema = z
  .object({
    id: idOf('msg').openapi({ description: 'The `webhook-id` header: the same on every attempt.' }),
    endpoint_id: idOf('whe'),
    event_type: z.enum([...webhookEventTypes, testEventType]),
    status: z.enum(deliveryStatuses),
    attempts: Count,
    last_status_code: z.number().int().min(100).max(599).nullable().openapi({ format: 'int32' }),
    last_error: z.string().max(1000).nullable(),
    next_attempt_at: Timestamp.nullable(),
    delivered_at: Timestamp.nullable(),
    created_at: Timestamp,
    updated_at: Timestamp,
    payload: z
      .object({ type: z.string().max(50), timestamp: Timestamp, data: z.record(z.string(), z.unknown()) })
      .openapi({ description: 'The body sent, as signed.' }),
    attempt_log: z.array(AttemptSchema).max(maxAttempts).openapi({ description: 'Every attempt, oldest first.' }),
  })
  .openapi('WebhookDelivery')

export const WebhookDeliveryPageSchema = pageOf(WebhookDeliverySchema, 'WebhookDeliveryPage')
