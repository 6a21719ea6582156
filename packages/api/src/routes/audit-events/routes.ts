import { createRoute } from '@hono/zod-openapi'
import { secretAccess } from '../common/access.js'
import { json, problems } from '../common/schemas.js'
import { AuditEventPageSchema, AuditEventQuery } from './schemas.js'

export const listAuditEventsRoute = createRoute({
  method: 'get',
  path: '/v1/audit-events',
  operationId: 'listAuditEvents',
  tags: ['Audit'],
  summary: 'List audit events',
  description:
    'Who read, exported, changed or erased personal data, created or revoked keys, changed consent texts or the ' +
    'retention policy, and what the retention job removed: newest first. Events hold ids and counts only. ' +
    'Reading the log is itself recorded (`audit.list`).',
  ...secretAccess('audit:read'),
  request: { query: AuditEventQuery },
  responses: { 200: json(AuditEventPageSchema, 'A page of audit events.'), ...problems(400, 401, 403) },
})
