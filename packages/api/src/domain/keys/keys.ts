import type { Kysely } from 'kysely'
import type { ApiKey, Database, KeyKind } from '../../db/types.js'
import { sha256Hex } from '../hashing.js'
import { newId, newSecret } from '../ids.js'
import type { Scope } from './scopes.js'

export interface NewKey {
  kind: KeyKind
  name: string
  scopes?: Scope[]
  allowedOrigins?: string[]
}

export interface CreatedKey {
  key: ApiKey
  /** The only time the token is seen in clear: only its hash is stored. */
  token: string
}

const tokenPrefix: Record<KeyKind, string> = { publishable: 'pk_live_', secret: 'sk_live_' }

export async function createKey(db: Kysely<Database>, organizationId: string, spec: NewKey): Promise<CreatedKey> {
  const token = `${tokenPrefix[spec.kind]}${newSecret(24)}`
  const key = await db
    .insertInto('api_keys')
    .values({
      organization_id: organizationId,
      id: newId('key'),
      kind: spec.kind,
      name: spec.name,
      token_hash: sha256Hex(token),
      token_hint: token.slice(-4),
      scopes: spec.kind === 'secret' ? (spec.scopes ?? []) : [],
      allowed_origins: spec.allowedOrigins ?? [],
    })
    .returningAll()
    .executeTakeFirstOrThrow()
  return { key, token }
}

/** The active key behind a bearer token, or undefined. Tokens are high-entropy: a plain hash suffices. */
export async function findKeyByToken(db: Kysely<Database>, token: string): Promise<ApiKey | undefined> {
  if (!/^(pk|sk)_[a-z]+_[0-9a-z]{10,80}$/.test(token)) return undefined
  return db
    .selectFrom('api_keys')
    .selectAll()
    .where('token_hash', '=', sha256Hex(token))
    .where('revoked_at', 'is', null)
    .executeTakeFirst()
}

/** Every origin some active publishable key accepts: what a CORS preflight may be told. */
export async function knownOrigins(db: Kysely<Database>): Promise<Set<string>> {
  const rows = await db.selectFrom('api_keys').select('allowed_origins').where('revoked_at', 'is', null).execute()
  return new Set(rows.flatMap((r) => r.allowed_origins))
}
