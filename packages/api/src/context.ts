import type { Kysely } from 'kysely'
import type { Database, KeyKind } from './db/types.js'

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
}

declare module 'hono' {
  interface ContextVariableMap {
    db: Kysely<Database>
    config: AppConfig
    caller: Caller
  }
}
