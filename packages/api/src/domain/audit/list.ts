import type { Kysely, Selectable } from 'kysely'
import type { AuditEventTable, Database } from '../../db/types.js'
import { decodeCursor, type Page, toPage } from '../pagination.js'
import type { AuditAction } from './record.js'

export type AuditEvent = Selectable<AuditEventTable>

export interface AuditFilter {
  action?: AuditAction
  keyId?: string
  targetId?: string
  since?: Date
  until?: Date
  limit: number
  cursor?: string
}

/**
 * The organization's audit events, newest first. Events are numbered in the order they were
 * written, so the number is the page key: a page never shifts when new events arrive.
 */
export async function listAuditEvents(
  db: Kysely<Database>,
  organizationId: string,
  filter: AuditFilter,
): Promise<Page<AuditEvent>> {
  const before = filter.cursor ? Number(decodeCursor(filter.cursor, 1)[0]) : undefined
  const rows = await db
    .selectFrom('audit_events')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .$if(filter.action !== undefined, (qb) => qb.where('action', '=', filter.action ?? ''))
    .$if(filter.keyId !== undefined, (qb) => qb.where('key_id', '=', filter.keyId ?? ''))
    .$if(filter.targetId !== undefined, (qb) => qb.where('target_id', '=', filter.targetId ?? ''))
    .$if(filter.since !== undefined, (qb) => qb.where('occurred_at', '>=', filter.since ?? new Date(0)))
    .$if(filter.until !== undefined, (qb) => qb.where('occurred_at', '<', filter.until ?? new Date(0)))
    .$if(before !== undefined, (qb) => qb.where('id', '<', before ?? 0))
    .orderBy('id', 'desc')
    .limit(filter.limit + 1)
    .execute()
  return toPage(
    rows,
    filter.limit,
    (event) => [event.id],
    (event) => event,
  )
}
