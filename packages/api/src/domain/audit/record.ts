import type { Kysely, Transaction } from 'kysely'
import type { AuditActorKind, Database } from '../../db/types.js'

type Db = Kysely<Database> | Transaction<Database>

/** Every action the audit log knows: reads and exports of personal data, changes, erasures, keys, policy. */
export const auditActions = [
  'member.list',
  'member.read',
  'member.export',
  'member.create',
  'member.update',
  'member.erase',
  'membership.list',
  'membership.add',
  'membership.remove',
  'rsvp.list',
  'rsvp.update',
  'key.create',
  'key.revoke',
  'consent_text.create',
  'retention_policy.update',
  'retention.applied',
  'audit.list',
] as const

export type AuditAction = (typeof auditActions)[number]

/** Who acted: the key behind the request (or the system, for jobs) and where the request came from. */
export interface AuditActor {
  organizationId: string
  kind: AuditActorKind
  keyId: string | null
  requestId?: string | null
  clientAddress?: string | null
}

export interface AuditEntry {
  action: AuditAction
  /** What was acted on: `member`, `api_key`, `consent_text`, `retention_policy`, `organization`… */
  targetType: string
  /** Null for a list: then `details` holds the query and the count of records returned. */
  targetId?: string | null
  /** Ids, counts and field names only: never a name, an address or any other personal value. */
  details?: Record<string, unknown>
}

/** The actor of the jobs Relais runs by itself. */
export const systemActor = (organizationId: string): AuditActor => ({ organizationId, kind: 'system', keyId: null })

/**
 * Appends one event to the audit log. Call it with the transaction of the action it records, so
 * that the action and its trace commit together or not at all; a read is recorded after it
 * succeeded, before its answer leaves.
 */
export async function recordAudit(db: Db, actor: AuditActor, entry: AuditEntry, now = new Date()): Promise<void> {
  await db
    .insertInto('audit_events')
    .values({
      organization_id: actor.organizationId,
      occurred_at: now,
      action: entry.action,
      actor_kind: actor.kind,
      key_id: actor.keyId,
      target_type: entry.targetType,
      target_id: entry.targetId ?? null,
      details: JSON.stringify(entry.details ?? {}),
      request_id: actor.requestId ?? null,
      client_address: actor.clientAddress ?? null,
    })
    .execute()
}
