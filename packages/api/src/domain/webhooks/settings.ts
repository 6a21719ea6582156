/** How this server delivers webhooks. */
export interface WebhookSettings {
  /**
   * Development only: accept endpoints on private, loopback and link-local addresses, and plain
   * http. Off in production, where an endpoint URL must not reach the server's own network.
   */
  allowPrivate: boolean
  /** Multiplies every wait of the retry schedule (tests make hours into milliseconds); 1 by default. */
  retryScale?: number
  /** Milliseconds an attempt may take, connection and answer included (default 15 s). */
  timeoutMs?: number
}

/** The settings from the environment: `RELAIS_WEBHOOKS_ALLOW_PRIVATE=1` is the development mode. */
export function webhookSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): WebhookSettings {
  return { allowPrivate: env.RELAIS_WEBHOOKS_ALLOW_PRIVATE === '1' }
}

export const defaultTimeoutMs = 15_000
