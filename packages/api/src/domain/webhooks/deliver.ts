import { type Kysely, sql } from 'kysely'
import type { Database, WebhookAttempt, WebhookDeliveryStatus } from '../../db/types.js'
import { enqueue } from '../../jobs/queue.js'
import { deliverWebhookQueue, type WebhookDeliveryJob } from './emit.js'
import { maxAttempts, nextAttemptAt } from './retry-schedule.js'
import { signingSecrets } from './secrets.js'
import { type SendResult, sendWebhook } from './send.js'
import { defaultTimeoutMs, type WebhookSettings } from './settings.js'
import { signWebhook } from './signature.js'

export type AttemptOutcome = 'succeeded' | 'retrying' | 'failed' | 'gone' | 'skipped'

/**
 * One attempt at one delivery, as the `deliver-webhook` job makes it. A 2xx answer delivers it; a
 * 410 Gone disables the endpoint (the receiver said it will never want more); anything else is
 * tried again on the Standard Webhooks schedule, the next attempt enqueued with the log line, in
 * one transaction. A job whose attempt is already logged (pg-boss retrying after a crash) does nothing.
 */
export async function attemptDelivery(
  db: Kysely<Database>,
  job: WebhookDeliveryJob,
  settings: WebhookSettings,
): Promise<{ outcome: AttemptOutcome; result?: SendResult }> {
  const { organizationId, deliveryId, attempt } = job
  const delivery = await db
    .selectFrom('webhook_deliveries as d')
    .innerJoin('webhook_endpoints as e', (j) =>
      j.onRef('e.organization_id', '=', 'd.organization_id').onRef('e.id', '=', 'd.endpoint_id'),
    )
    .select(['d.payload', 'd.status', 'd.attempts', 'e.url', 'e.enabled', 'e.disabled_reason'])
    .select(['e.secret', 'e.previous_secret', 'e.previous_secret_expires_at'])
    .where('d.organization_id', '=', organizationId)
    .where('d.id', '=', deliveryId)
    .executeTakeFirst()
  if (!delivery) return { outcome: 'gone' }
  if (delivery.status !== 'pending' || delivery.attempts >= attempt) return { outcome: 'skipped' }
  const now = new Date()
  if (!delivery.enabled) {
    const result = {
      statusCode: null,
      error: `not sent: the endpoint is disabled (${delivery.disabled_reason})`,
      durationMs: 0,
    }
    await record(db, job, result, 'failed', null, now)
    return { outcome: 'failed', result }
  }
  // The body is the stored payload, the same bytes on every attempt; the timestamp is the attempt's.
  const body = JSON.stringify(delivery.payload)
  const headers = signWebhook(deliveryId, now, body, signingSecrets(delivery, now))
  const result = await sendWebhook(delivery.url, body, headers, {
    allowPrivate: settings.allowPrivate,
    timeoutMs: settings.timeoutMs ?? defaultTimeoutMs,
  })
  const code = result.statusCode
  if (code !== null && code >= 200 && code < 300) {
    await record(db, job, result, 'succeeded', null, now)
    return { outcome: 'succeeded', result }
  }
  if (code === 410) {
    await record(db, job, result, 'failed', null, now)
    return { outcome: 'failed', result }
  }
  const next = attempt < maxAttempts ? nextAttemptAt(attempt, new Date(), settings.retryScale) : null
  await record(db, job, result, next ? 'pending' : 'failed', next, now)
  return { outcome: next ? 'retrying' : 'failed', result }
}

async function record(
  db: Kysely<Database>,
  job: WebhookDeliveryJob,
  result: SendResult,
  status: WebhookDeliveryStatus,
  next: Date | null,
  now: Date,
): Promise<void> {
  const line: WebhookAttempt = {
    attempt: job.attempt,
    at: now.toISOString(),
    status_code: result.statusCode,
    error: result.error,
    duration_ms: result.durationMs,
  }
  await db.transaction().execute(async (trx) => {
    const logged = await trx
      .updateTable('webhook_deliveries')
      .set({
        status,
        attempts: job.attempt,
        attempt_log: sql`attempt_log || ${JSON.stringify([line])}::jsonb`,
        last_status_code: result.statusCode,
        last_error: result.error ?? (status === 'succeeded' ? null : `HTTP ${result.statusCode}`),
        last_attempt_at: now,
        next_attempt_at: next,
        delivered_at: status === 'succeeded' ? new Date() : null,
        updated_at: new Date(),
      })
      .where('organization_id', '=', job.organizationId)
      .where('id', '=', job.deliveryId)
      .where('attempts', '=', job.attempt - 1)
      .returning('endpoint_id')
      .executeTakeFirst()
    if (!logged) return
    if (result.statusCode === 410) {
      await trx
        .updateTable('webhook_endpoints')
        .set({
          enabled: false,
          disabled_at: now,
          disabled_reason: `The receiver answered 410 Gone to ${job.deliveryId}.`,
          updated_at: now,
        })
        .where('organization_id', '=', job.organizationId)
        .where('id', '=', logged.endpoint_id)
        .execute()
    }
    if (next) await enqueue(trx, deliverWebhookQueue, { ...job, attempt: job.attempt + 1 }, { startAfter: next })
  })
}
