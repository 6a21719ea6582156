import { createRoute } from '@hono/zod-openapi'
import { publicRead } from '../common/access.js'
import { cacheableJson, IfNoneMatchHeader, problems } from '../common/schemas.js'
import { StatsQuery, StatsSchema } from './schemas.js'

export const getStatsRoute = createRoute({
  method: 'get',
  path: '/v1/stats',
  operationId: 'getStats',
  tags: ['Stats'],
  summary: 'Get public counts',
  description:
    'Counters for a page: of the whole organization, of a group with its descendants (`group`), or of one ' +
    'initiative (`initiative`, answered as `InitiativeStats`). Cached for 15 seconds.',
  ...publicRead,
  request: { query: StatsQuery, headers: IfNoneMatchHeader },
  responses: { ...cacheableJson(StatsSchema, 'The counts.'), ...problems(400, 401, 403, 404) },
})
