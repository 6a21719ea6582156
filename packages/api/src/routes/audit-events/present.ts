import type { z } from '@hono/zod-openapi'
import type { AuditEvent } from '../../domain/audit/list.js'
import type { AuditAction } from '../../domain/audit/record.js'
import type { AuditEventSchema } from './schemas.js'

export function presentAuditEvent(event: AuditEvent): z.infer<typeof AuditEventSchema> {
  return {
    id: String(event.id),
    occurred_at: event.occurred_at.toISOString(),
    action: event.action as AuditAction,
    actor: { kind: event.actor_kind, key_id: event.key_id },
    target: { type: event.target_type, id: event.target_id },
    details: event.details,
    request_id: event.request_id,
    client_address: event.client_address,
  }
}
