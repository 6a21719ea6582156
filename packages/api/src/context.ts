import type { Kysely } from 'kysely'
import type { Listen } from './db/database.js'
import type { Database, KeyKind } from './db/types.js'
import type { ProofOfWorkSettings } from './domain/proof-of-work/challenge.js'
import type { RateLimitPolicies } from './domain/rate-limits/policies.js'
import type { WebhookSettings } from './domain/webhooks/settings.js'
import type { TrustProxy } from './middleware/rate-limit/client-address.js'

/** Who is calling: the organization and key behind the bearer token. */
export interface Caller {
  organizationId: string
  keyId: string
  kind: KeyKind
  scopes: string[]
}

export interface AppConfig {
  /** Where the server is reached from outside, for links in answers (ICS, e-mails). */
  publicUrl: string
  /** The demo organization this server seeded, shown on the `/` page (embedded default only). */
  demo?: { publishableKey: string; organizationId: string }
  /** The live activity stream; without it, the stream polls the database alone. */
  live?: LiveConfig
  /** Serve `/dev/mailbox`, the e-mails kept in the database when no SMTP server is set (off by default). */
  devMailbox?: boolean
  /** Rate limits of /v1 (RELAIS_RATE_LIMITS); without them nothing is limited, as in tests and benchmarks. */
  rateLimits?: RateLimitPolicies
  /** The proxies whose `X-Forwarded-For` tells the client's address (TRUST_PROXY); by default none. */
  trustProxy?: TrustProxy
  /** Webhook delivery rules; read from the environment (RELAIS_WEBHOOKS_*) when not given. */
  webhooks?: WebhookSettings
  /** Public forms must send a solved challenge (RELAIS_PROOF_OF_WORK); without it, `proof` is not asked for. */
  proofOfWork?: ProofOfWorkSettings
}

export interface LiveConfig {
  /** LISTEN/NOTIFY of the database, so that writes of every process reach this one's streams at once. */
  listen?: Listen
  /** Milliseconds between safety-net polls (default 1 s with `listen`, 250 ms without). */
  pollMs?: number
  /** Milliseconds of silence before a `: ping` comment keeps proxies from closing a stream (default 15 s). */
  heartbeatMs?: number
  /** Items waiting for a slow client before it is disconnected, to resume later (default 2,000). */
  maxQueued?: number
}

declare module 'hono' {
  interface ContextVariableMap {
    db: Kysely<Database>
    config: AppConfig
    caller: Caller
  }
}
