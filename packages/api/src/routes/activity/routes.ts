import { createRoute, z } from '@hono/zod-openapi'
import { requireKey } from '../../middleware/api-key/index.js'
import { keyFromQuery } from '../../middleware/query-key/index.js'
import { publicRead } from '../common/access.js'
import { cacheableJson, IfNoneMatchHeader, problems } from '../common/schemas.js'
import { ActivityListQuery, ActivityPageSchema, ActivityStreamHeaders, ActivityStreamQuery } from './schemas.js'

export const listActivityRoute = createRoute({
  method: 'get',
  path: '/v1/activity',
  operationId: 'listActivity',
  tags: ['Activity'],
  summary: 'List public activity',
  description:
    'What happened in the organization, or in a group and its descendants, newest first: initiatives published, ' +
    'RSVP milestones, new groups, people joining (by name only with their consent).',
  ...publicRead,
  request: { query: ActivityListQuery, headers: IfNoneMatchHeader },
  responses: { ...cacheableJson(ActivityPageSchema, 'A page of activity.'), ...problems(400, 401, 403, 404) },
})

export const streamActivityRoute = createRoute({
  method: 'get',
  path: '/v1/activity/stream',
  operationId: 'streamActivity',
  tags: ['Activity'],
  summary: 'Follow public activity live (Server-Sent Events)',
  description:
    'The activity of `GET /v1/activity` as it happens, as Server-Sent Events (`text/event-stream`), with the same ' +
    'filters. Each item is an event `activity` whose `data` is the JSON of an `Activity` and whose `id` is an ' +
    'opaque position. Items arrive in commit-safe order: none is ever skipped or repeated, also when writes ' +
    'commit out of order or come from other API processes.\n\n' +
    '- `backfill=N` starts with the latest N items, oldest first.\n' +
    '- Reconnecting with the `Last-Event-ID` header (browsers do it by themselves) or `last_event_id` resumes ' +
    'right after that event, with every item missed meanwhile (the latest 1,000 at most: after a longer absence, ' +
    'reload the list); `backfill` is then ignored.\n' +
    '- Then comes an event `ready` (`data: {}`): what came before it is history, what follows is live.\n' +
    '- A comment `: ping` comes after 15 s without events; it may carry an `id:` that moves the resume point ' +
    'past items that did not match the filters.\n' +
    '- A client too slow to read its events is disconnected; it resumes where it stopped.\n\n' +
    '`EventSource` in browsers cannot send an Authorization header: pass the publishable key as `?key=pk_…` ' +
    '(secret keys are refused there). The allowed origins of the key apply as on every public operation.',
  security: [{ publishableKey: [] }, { secretKey: [] }, { publishableKeyInQuery: [] }] as Record<string, string[]>[],
  middleware: [keyFromQuery(), requireKey()],
  request: { query: ActivityStreamQuery, headers: ActivityStreamHeaders },
  responses: {
    200: {
      description: 'The stream of events, open until the client leaves.',
      content: {
        'text/event-stream': {
          schema: z.string().openapi({
            description:
              'Events `activity` (`id: <position>`, `data: <Activity as JSON>`), one event `ready`, comments `: ping`.',
            example:
              'event: activity\ndata: {"id":"act_06f3k2n8q1v7x0b4c9d2e5h8j1","kind":"group_created",…}\nid: 7421-9\n\n',
          }),
        },
      },
    },
    ...problems(400, 401, 403, 404),
  },
})
