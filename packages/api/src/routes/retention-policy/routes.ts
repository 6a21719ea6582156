import { createRoute } from '@hono/zod-openapi'
import { secretAccess } from '../common/access.js'
import { json, jsonBody, problems } from '../common/schemas.js'
import { RetentionPolicySchema, RetentionPolicyUpdateSchema } from './schemas.js'

export const getRetentionPolicyRoute = createRoute({
  method: 'get',
  path: '/v1/retention-policy',
  operationId: 'getRetentionPolicy',
  tags: ['Privacy'],
  summary: 'Get the retention policy',
  description:
    'How long each category of data is kept before the nightly job removes it, with the defaults and bounds. ' +
    'What each run removed is in the audit log (`retention.applied`).',
  ...secretAccess('privacy:write'),
  responses: { 200: json(RetentionPolicySchema, 'The policy.'), ...problems(401, 403) },
})

export const updateRetentionPolicyRoute = createRoute({
  method: 'put',
  path: '/v1/retention-policy',
  operationId: 'updateRetentionPolicy',
  tags: ['Privacy'],
  summary: 'Set the retention policy',
  description:
    'Sets the delays given (null returns a category to its default); the others stay. Applies from the next ' +
    'nightly run. Recorded in the audit log.',
  ...secretAccess('privacy:write'),
  request: { body: jsonBody(RetentionPolicyUpdateSchema) },
  responses: { 200: json(RetentionPolicySchema, 'The policy as now set.'), ...problems(400, 401, 403, 413, 415) },
})
