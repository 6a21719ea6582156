import { groupStats } from '../../domain/stats/group-stats.js'
import { initiativeStats } from '../../domain/stats/initiative-stats.js'
import { audienceOf } from '../common/audience.js'
import { createRouter } from '../common/router.js'
import { getStatsRoute } from './routes.js'

export const statsRouter = createRouter().openapi(getStatsRoute, async (c) => {
  const query = c.req.valid('query')
  const audience = audienceOf(c)
  const stats = query.initiative
    ? await initiativeStats(c.get('db'), audience, query.initiative)
    : await groupStats(c.get('db'), audience, query.group)
  return c.json(stats, 200)
})
