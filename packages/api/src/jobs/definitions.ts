import type { JobDefinition } from './context.js'
import { applyRetentionJob } from './handlers/apply-retention.js'
import { deliverWebhookJob } from './handlers/deliver-webhook.js'
import { sendEmailJob } from './handlers/send-email.js'

/** Every job Relais runs, by queue name (their retry settings are in `queues.ts`). */
export const jobDefinitions: JobDefinition[] = [
  sendEmailJob as JobDefinition,
  applyRetentionJob as JobDefinition,
  deliverWebhookJob as JobDefinition,
]
