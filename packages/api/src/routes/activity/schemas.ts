import { z } from '@hono/zod-openapi'
import { idOf, idParam, ListQuery, pageOf, Timestamp } from '../common/schemas.js'

export const ActivityListQuery = ListQuery.extend({
  group: idParam('grp', 'Only this group and its descendants.').optional(),
  kind: z
    .string()
    .regex(/^[a-z][a-z0-9_.]{0,59}$/, 'Use an activity kind such as initiative_published.')
    .optional()
    .openapi({ description: 'Only activity of this kind.', example: 'initiative_published', maxLength: 60 }),
})

export const ActivitySchema = z
  .object({
    id: idOf('act'),
    kind: z.string().max(60).openapi({ example: 'initiative_published' }),
    group: z
      .object({ id: idOf('grp'), name: z.string().max(200) })
      .nullable()
      .openapi({ description: 'Where it happened; null for the organization as a whole.' }),
    occurred_at: Timestamp,
    data: z.record(z.string(), z.unknown()).openapi({
      description:
        'What happened, depending on `kind`. A person is named only with their consent to public activity; ' +
        'otherwise only counts appear.',
    }),
  })
  .openapi('Activity')

export const ActivityPageSchema = pageOf(ActivitySchema, 'ActivityPage')

const eventId = /^\d{1,20}-\d{1,19}$/
const eventIdMessage = 'Pass the id of the last event received, unchanged.'

export const ActivityStreamQuery = z.object({
  group: idParam('grp', 'Only this group and its descendants.').optional(),
  kind: ActivityListQuery.shape.kind,
  backfill: z.coerce.number().int().min(0).max(50).default(0).openapi({
    description: 'Start with the latest N items (oldest first), then continue live. Ignored on resume.',
    format: 'int32',
  }),
  last_event_id: z.string().regex(eventId, eventIdMessage).optional().openapi({
    maxLength: 40,
    description:
      'Resume after this event id, for clients that cannot send the `Last-Event-ID` header (which wins when both are sent).',
  }),
  key: z.string().max(200).optional().openapi({
    description: 'A publishable key (`pk_…`), for `EventSource`, which cannot send an Authorization header.',
  }),
})

export const ActivityStreamHeaders = z.object({
  'last-event-id': z.string().regex(eventId, eventIdMessage).optional().openapi({
    maxLength: 40,
    description: 'Sent by `EventSource` when it reconnects: the stream resumes right after this event.',
  }),
})
