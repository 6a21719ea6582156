import { listAuditEvents } from '../../domain/audit/list.js'
import { auditRead } from '../common/audit.js'
import { createRouter } from '../common/router.js'
import { presentAuditEvent } from './present.js'
import { listAuditEventsRoute } from './routes.js'

const dateOf = (value: string | undefined) => (value === undefined ? undefined : new Date(value))

export const auditEventsRouter = createRouter().openapi(listAuditEventsRoute, async (c) => {
  const query = c.req.valid('query')
  const page = await listAuditEvents(c.get('db'), c.get('caller').organizationId, {
    action: query.action,
    keyId: query.key_id,
    targetId: query.target_id,
    since: dateOf(query.since),
    until: dateOf(query.until),
    limit: query.limit,
    cursor: query.cursor,
  })
  // Who looked at the log is part of the log: recorded after the page was read, so it is not on it.
  const { cursor, limit, ...filters } = query
  await auditRead(c, {
    action: 'audit.list',
    targetType: 'audit_event',
    details: { query: { ...filters, cursor: cursor === undefined ? undefined : true }, count: page.data.length },
  })
  c.header('cache-control', 'no-store')
  return c.json({ data: page.data.map(presentAuditEvent), next_cursor: page.next_cursor }, 200)
})
