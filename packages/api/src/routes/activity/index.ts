import { listActivity } from '../../domain/activity/list.js'
import { streamFilter } from '../../domain/activity/stream-filter.js'
import { activityHub } from '../../domain/activity/stream-hub.js'
import { decodePosition } from '../../domain/activity/stream-position.js'
import { invalid } from '../../domain/errors.js'
import { queryKeyScheme } from '../../middleware/query-key/index.js'
import { audienceOf } from '../common/audience.js'
import { createRouter } from '../common/router.js'
import { presentActivity } from './present.js'
import { listActivityRoute, streamActivityRoute } from './routes.js'
import { streamActivity } from './stream.js'

export const activityRouter = createRouter()
  .openapi(listActivityRoute, async (c) => {
    const query = c.req.valid('query')
    const page = await listActivity(c.get('db'), audienceOf(c), {
      group: query.group,
      kind: query.kind,
      limit: query.limit,
      cursor: query.cursor,
    })
    return c.json({ data: page.data.map(presentActivity), next_cursor: page.next_cursor }, 200)
  })
  .openapi(streamActivityRoute, async (c) => {
    const query = c.req.valid('query')
    // The header is what EventSource sends when it reconnects: newer than the address it was given.
    const lastEventId = c.req.valid('header')['last-event-id'] ?? query.last_event_id
    const from = lastEventId === undefined ? undefined : decodePosition(lastEventId)
    if (lastEventId !== undefined && !from) throw invalid('last_event_id', 'This is not an event id of this stream.')
    const filter = await streamFilter(c.get('db'), audienceOf(c), { group: query.group, kind: query.kind })
    const { listen, pollMs } = c.get('config').live ?? {}
    return streamActivity(c, activityHub(c.get('db'), { listen, pollMs }), { filter, from, backfill: query.backfill })
  })

activityRouter.openAPIRegistry.registerComponent('securitySchemes', 'publishableKeyInQuery', queryKeyScheme)
