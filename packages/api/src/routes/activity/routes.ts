import { createRoute } from '@hono/zod-openapi'
import { publicAccess } from '../common/access.js'
import { json, problems } from '../common/schemas.js'
import { ActivityListQuery, ActivityPageSchema } from './schemas.js'

export const listActivityRoute = createRoute({
  method: 'get',
  path: '/v1/activity',
  operationId: 'listActivity',
  tags: ['Activity'],
  summary: 'List public activity',
  description:
    'What happened in the organization, or in a group and its descendants, newest first: initiatives published, ' +
    'RSVP milestones, new groups, people joining (by name only with their consent).',
  ...publicAccess,
  request: { query: ActivityListQuery },
  responses: { 200: json(ActivityPageSchema, 'A page of activity.'), ...problems(400, 401, 403, 404) },
})
