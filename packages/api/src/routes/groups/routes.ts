import { createRoute } from '@hono/zod-openapi'
import { publicAccess } from '../common/access.js'
import { json, problems } from '../common/schemas.js'
import { GroupDetailSchema, GroupIdParam, GroupListQuery, GroupPageSchema } from './schemas.js'

export const listGroupsRoute = createRoute({
  method: 'get',
  path: '/v1/groups',
  operationId: 'listGroups',
  tags: ['Groups'],
  summary: 'List groups',
  description: 'Groups by name; with `near`, the groups covering a postcode first, then the nearest.',
  ...publicAccess,
  request: { query: GroupListQuery },
  responses: { 200: json(GroupPageSchema, 'A page of groups.'), ...problems(400, 401, 403) },
})

export const getGroupRoute = createRoute({
  method: 'get',
  path: '/v1/groups/{group_id}',
  operationId: 'getGroup',
  tags: ['Groups'],
  summary: 'Get a group',
  description: 'One group with the counts of its whole subtree.',
  ...publicAccess,
  request: { params: GroupIdParam },
  responses: { 200: json(GroupDetailSchema, 'The group.'), ...problems(400, 401, 403, 404) },
})
