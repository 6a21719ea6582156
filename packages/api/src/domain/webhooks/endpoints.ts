import type { Kysely, Selectable } from 'kysely'
import type { Database, WebhookEndpointTable } from '../../db/types.js'
import { DomainError, notFound } from '../errors.js'
import { newId } from '../ids.js'
import { type Page, pageById } from '../pagination.js'
import { checkEndpointUrl } from './endpoint-url.js'
import type { WebhookEventType } from './event-types.js'
import { newWebhookSecret } from './secrets.js'
import type { WebhookSettings } from './settings.js'

export type WebhookEndpoint = Selectable<WebhookEndpointTable>

export interface EndpointFields {
  url: string
  description?: string
  event_types: WebhookEventType[]
}

export interface EndpointChanges {
  url?: string
  description?: string
  event_types?: WebhookEventType[]
  enabled?: boolean
}

/** Registers a receiver; the answer holds its secret, which the API shows only now and at rotation. */
export async function createEndpoint(
  db: Kysely<Database>,
  organizationId: string,
  fields: EndpointFields,
  settings: WebhookSettings,
  now = new Date(),
): Promise<WebhookEndpoint> {
  const url = await checkEndpointUrl(fields.url, settings)
  return db
    .insertInto('webhook_endpoints')
    .values({
      organization_id: organizationId,
      id: newId('whe', now),
      url,
      description: fields.description ?? '',
      event_types: [...new Set(fields.event_types)],
      secret: newWebhookSecret(),
      created_at: now,
      updated_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow()
}

export async function getEndpoint(db: Kysely<Database>, organizationId: string, endpointId: string) {
  const endpoint = await db
    .selectFrom('webhook_endpoints')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('id', '=', endpointId)
    .executeTakeFirst()
  if (!endpoint) throw notFound(`Webhook endpoint ${endpointId}`)
  return endpoint
}

/** The organization's endpoints, oldest first. */
export async function listEndpoints(
  db: Kysely<Database>,
  organizationId: string,
  { limit, cursor }: { limit: number; cursor?: string },
): Promise<Page<WebhookEndpoint>> {
  return pageById(db, 'webhook_endpoints', organizationId, { limit, cursor })
}

/**
 * Changes an endpoint. A new URL is checked as at creation; enabling one that was disabled (after
 * a 410 Gone, say) clears the reason, and disabling records that it was done through the API.
 */
export async function updateEndpoint(
  db: Kysely<Database>,
  organizationId: string,
  endpointId: string,
  changes: EndpointChanges,
  settings: WebhookSettings,
  now = new Date(),
): Promise<WebhookEndpoint> {
  const current = await getEndpoint(db, organizationId, endpointId)
  const url = changes.url === undefined ? undefined : await checkEndpointUrl(changes.url, settings)
  const switched = changes.enabled !== undefined && changes.enabled !== current.enabled
  const updated = await db
    .updateTable('webhook_endpoints')
    .set({
      ...(url !== undefined ? { url } : {}),
      ...(changes.description !== undefined ? { description: changes.description } : {}),
      ...(changes.event_types !== undefined ? { event_types: [...new Set(changes.event_types)] } : {}),
      ...(switched && changes.enabled ? { enabled: true, disabled_at: null, disabled_reason: null } : {}),
      ...(switched && !changes.enabled
        ? { enabled: false, disabled_at: now, disabled_reason: 'Disabled through the API.' }
        : {}),
      updated_at: now,
    })
    .where('organization_id', '=', organizationId)
    .where('id', '=', endpointId)
    .returningAll()
    .executeTakeFirst()
  if (!updated) throw notFound(`Webhook endpoint ${endpointId}`)
  return updated
}

/** Removes an endpoint and its delivery log; attempts still queued find nothing and stop. */
export async function deleteEndpoint(db: Kysely<Database>, organizationId: string, endpointId: string): Promise<void> {
  const deleted = await db
    .deleteFrom('webhook_endpoints')
    .where('organization_id', '=', organizationId)
    .where('id', '=', endpointId)
    .executeTakeFirst()
  if (deleted.numDeletedRows === 0n) throw notFound(`Webhook endpoint ${endpointId}`)
}

/** An endpoint that is switched off sends nothing, test events included. */
export function checkEnabled(endpoint: WebhookEndpoint): void {
  if (!endpoint.enabled) {
    throw new DomainError(
      'conflict',
      `Webhook endpoint ${endpoint.id} is disabled${endpoint.disabled_reason ? ` (${endpoint.disabled_reason})` : ''}: ` +
        'enable it with PATCH {"enabled": true} first.',
    )
  }
}
