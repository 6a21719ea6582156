import { countGroup } from '../../domain/groups/counts.js'
import { getGroup, listGroups } from '../../domain/groups/queries.js'
import { createRouter } from '../common/router.js'
import { audienceOf } from '../common/audience.js'
import { presentGroup, presentGroupDetail } from './present.js'
import { getGroupRoute, listGroupsRoute } from './routes.js'

export const groupsRouter = createRouter()
  .openapi(listGroupsRoute, async (c) => {
    const query = c.req.valid('query')
    const page = await listGroups(c.var.db, audienceOf(c), {
      parent: query.parent,
      kind: query.kind,
      near: query.near,
      radiusKm: query.radius_km,
      q: query.q,
      limit: query.limit,
      cursor: query.cursor,
    })
    return c.json({ data: page.data.map(presentGroup), next_cursor: page.next_cursor }, 200)
  })
  .openapi(getGroupRoute, async (c) => {
    const group = await getGroup(c.var.db, audienceOf(c), c.req.valid('param').group_id)
    return c.json(presentGroupDetail(group, await countGroup(c.var.db, group)), 200)
  })
