import { z } from '@hono/zod-openapi'
import { auditActions } from '../../domain/audit/record.js'
import { DateTimeInput, idOf, idParam, ListQuery, pageOf, Timestamp } from '../common/schemas.js'

export const AuditEventSchema = z
  .object({
    id: z.string().max(20).regex(/^\d+$/).openapi({ description: 'The event number, in the order written.' }),
    occurred_at: Timestamp,
    action: z.enum(auditActions),
    actor: z.object({
      kind: z.enum(['publishable', 'secret', 'system', 'operator']).openapi({
        description: '`system` for Relais’s own jobs (the retention policy), `operator` for the command line.',
      }),
      key_id: idOf('key').nullable(),
    }),
    target: z.object({
      type: z.string().max(40).openapi({ example: 'member' }),
      id: z
        .string()
        .max(100)
        .nullable()
        .openapi({ description: 'Null for a list: see `details.query` and `details.count`.' }),
    }),
    details: z.record(z.string(), z.unknown()).openapi({
      description: 'Ids, counts and field names only: the log never holds a name, an address or a value.',
    }),
    request_id: z.string().max(200).nullable().openapi({ description: 'The `X-Request-Id` of the request, if sent.' }),
    client_address: z.string().max(100).nullable(),
  })
  .openapi('AuditEvent')

export const AuditEventPageSchema = pageOf(AuditEventSchema, 'AuditEventPage')

export const AuditEventQuery = ListQuery.extend({
  action: z.enum(auditActions).optional(),
  key_id: idParam('key', 'Events of this key only.').optional(),
  target_id: z
    .string()
    .regex(/^[a-z]{3}_[0-9a-z]{1,40}$/, 'Expected an id such as mem_….')
    .optional()
    .openapi({ description: 'Events about this member, key, group, initiative or text.', maxLength: 44 }),
  since: DateTimeInput.optional().openapi({ description: 'From this time on (RFC 3339).' }),
  until: DateTimeInput.optional().openapi({ description: 'Before this time (RFC 3339).' }),
})
