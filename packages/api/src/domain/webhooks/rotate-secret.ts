import type { Kysely } from 'kysely'
import type { Database } from '../../db/types.js'
import { notFound } from '../errors.js'
import type { WebhookEndpoint } from './endpoints.js'
import { newWebhookSecret, rotationOverlapMs } from './secrets.js'

/**
 * Gives an endpoint a new secret. The current one becomes the previous one and keeps signing for
 * 24 hours beside the new one, so the receiver can switch without rejecting events. Rotating again
 * within those hours drops the oldest secret.
 */
export async function rotateSecret(
  db: Kysely<Database>,
  organizationId: string,
  endpointId: string,
  now = new Date(),
): Promise<WebhookEndpoint> {
  return db.transaction().execute(async (trx) => {
    const current = await trx
      .selectFrom('webhook_endpoints')
      .select('secret')
      .where('organization_id', '=', organizationId)
      .where('id', '=', endpointId)
      .forUpdate()
      .executeTakeFirst()
    if (!current) throw notFound(`Webhook endpoint ${endpointId}`)
    return trx
      .updateTable('webhook_endpoints')
      .set({
        secret: newWebhookSecret(),
        previous_secret: current.secret,
        previous_secret_expires_at: new Date(now.getTime() + rotationOverlapMs),
        updated_at: now,
      })
      .where('organization_id', '=', organizationId)
      .where('id', '=', endpointId)
      .returningAll()
      .executeTakeFirstOrThrow()
  })
}
