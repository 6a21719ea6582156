/** How a queue retries: pg-boss waits `retryDelay` × 2^n seconds, with jitter, before attempt n + 2. */
export interface QueueSettings {
  /** Retries after the first attempt; then the job is failed for good (a dead letter). */
  retryLimit: number
  retryDelay: number
  retryBackoff: boolean
  /** An attempt still running after this long counts as failed (the process died, or hung). */
  expireInSeconds: number
}

/**
 * The queues of Relais. E-mail retries 8 times over four to eight hours (an SMTP server down for
 * part of the night still gets its messages); the purge retries a few times, and runs again the
 * next day anyway.
 */
export const queues = {
  'send-email': { retryLimit: 8, retryDelay: 60, retryBackoff: true, expireInSeconds: 300 },
  'apply-retention': { retryLimit: 3, retryDelay: 300, retryBackoff: true, expireInSeconds: 3600 },
  // Each webhook attempt schedules the next itself (see deliver-webhook.ts); these retries only
  // cover a failure of ours, such as the database going away during an attempt.
  'deliver-webhook': { retryLimit: 3, retryDelay: 30, retryBackoff: true, expireInSeconds: 60 },
} satisfies Record<string, QueueSettings>

export type QueueName = keyof typeof queues
