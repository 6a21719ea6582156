import { attemptDelivery } from '../../domain/webhooks/deliver.js'
import { deliverWebhookQueue, type WebhookDeliveryJob } from '../../domain/webhooks/emit.js'
import { type WebhookSettings, webhookSettingsFromEnv } from '../../domain/webhooks/settings.js'
import type { JobDefinition } from '../context.js'

/**
 * Makes one attempt at a webhook delivery. Failures of the receiver are not thrown: the attempt is
 * logged and the next one scheduled by the domain (the Standard Webhooks schedule, which pg-boss's
 * exponential backoff cannot follow). Only a failure of ours (the database) throws, so pg-boss
 * tries the same attempt again. Without `settings`, they are read from the environment at each run.
 */
export function deliverWebhookJobWith(settings?: WebhookSettings): JobDefinition<WebhookDeliveryJob> {
  return {
    name: deliverWebhookQueue,
    concurrency: 4,
    async run(job, { db, log }) {
      const { outcome, result } = await attemptDelivery(db, job, settings ?? webhookSettingsFromEnv())
      if (outcome === 'succeeded' || outcome === 'skipped' || outcome === 'gone') return
      const answer = result?.statusCode ? `HTTP ${result.statusCode}` : (result?.error ?? 'no answer')
      log(
        `webhooks: ${job.deliveryId} attempt ${job.attempt} failed (${answer}), ${outcome === 'retrying' ? 'will retry' : 'giving up'}.`,
      )
    },
  }
}

export const deliverWebhookJob = deliverWebhookJobWith()
