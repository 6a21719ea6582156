import { listActivity } from '../../domain/activity/list.js'
import { audienceOf } from '../common/audience.js'
import { createRouter } from '../common/router.js'
import { presentActivity } from './present.js'
import { listActivityRoute } from './routes.js'

export const activityRouter = createRouter().openapi(listActivityRoute, async (c) => {
  const query = c.req.valid('query')
  const page = await listActivity(c.var.db, audienceOf(c), {
    group: query.group,
    kind: query.kind,
    limit: query.limit,
    cursor: query.cursor,
  })
  return c.json({ data: page.data.map(presentActivity), next_cursor: page.next_cursor }, 200)
})
