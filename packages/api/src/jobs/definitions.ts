import type { JobDefinition } from './context.js'
import { purgeUnconfirmedJob } from './handlers/purge-unconfirmed.js'
import { sendEmailJob } from './handlers/send-email.js'

/** Every job Relais runs, by queue name (their retry settings are in `queues.ts`). */
export const jobDefinitions: JobDefinition[] = [sendEmailJob as JobDefinition, purgeUnconfirmedJob as JobDefinition]
